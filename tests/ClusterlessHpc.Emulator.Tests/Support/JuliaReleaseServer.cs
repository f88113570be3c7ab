using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator.Tests.Support
{
    /// <summary>
    /// A Julia mirror on loopback HTTP serving one release: a tarball whose <c>bin/julia</c> is a bash stand-in that
    /// records each launch in the node's shared directory (<c>julia-launches.log</c>) and its program, then succeeds.
    /// </summary>
    internal sealed class JuliaReleaseServer : IAsyncDisposable
    {
        public const string LaunchLog = "julia-launches.log";

        /// <summary>The arguments of the latest launch, one a line.</summary>
        public const string Arguments = "julia-arguments.txt";

        private readonly WebApplication _app;
        private int _downloads;

        private JuliaReleaseServer(WebApplication app, Uri mirror)
        {
            _app = app;
            Mirror = mirror;
        }

        /// <summary>The mirror's base URL, for <c>[Julia(Mirror = ...)]</c>.</summary>
        public Uri Mirror { get; }

        public int Downloads => Volatile.Read(ref _downloads);

        /// <param name="path">The release's path under the mirror, for example <c>linux/x64/1.5/julia-1.5.2-linux-x86_64.tar.gz</c>.</param>
        public static async Task<JuliaReleaseServer> StartAsync(string path)
        {
            var tarball = StandInRelease();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            JuliaReleaseServer? server = null;
            app.MapGet("/julia/" + path, () =>
            {
                Interlocked.Increment(ref server!._downloads);
                return Results.Bytes(tarball, "application/gzip");
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            server = new JuliaReleaseServer(app, new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/julia"));
            return server;
        }

        private static byte[] StandInRelease()
        {
            const string julia = """
                #!/bin/bash
                echo "launch $#" >> "$AZ_BATCH_NODE_SHARED_DIR/julia-launches.log"
                printf '%s\n' "$@" > "$AZ_BATCH_NODE_SHARED_DIR/julia-arguments.txt"
                exit 0
                """;
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "julia-standin/") { Mode = (UnixFileMode)Convert.ToInt32("755", 8) });
                tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "julia-standin/bin/") { Mode = (UnixFileMode)Convert.ToInt32("755", 8) });
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "julia-standin/bin/julia")
                {
                    Mode = (UnixFileMode)Convert.ToInt32("755", 8),
                    DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(julia + "\n")),
                });
            }
            return output.ToArray();
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
