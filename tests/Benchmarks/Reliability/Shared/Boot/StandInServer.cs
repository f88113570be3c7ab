using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Reliability.Boot;

/// <summary>
/// The internet of a node boot, on loopback HTTP: a Julia release mirror whose tarball holds a stand-in julia (it appends a
/// line per launch to <c>$AZ_BATCH_NODE_SHARED_DIR/julia-launches.log</c>, then takes <see cref="JuliaLaunchCost"/>), and
/// any other files a test publishes (the seed's adapted script and its stand-in tools). Counts each download.
/// </summary>
public sealed class StandInServer : IAsyncDisposable
{
    /// <summary>The log the stand-in julia appends to, relative to the node's shared folder.</summary>
    public const string LaunchLog = "julia-launches.log";

    /// <summary>What the stand-in julia wrote last: its arguments, one a line.</summary>
    public const string LastArguments = "julia-arguments.txt";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _downloads = new(StringComparer.Ordinal);

    private StandInServer(WebApplication app, Uri root, TimeSpan cost)
    {
        _app = app;
        Root = root;
        JuliaLaunchCost = cost;
    }

    /// <summary>For example <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Root { get; }

    /// <summary>How long each launch of the stand-in julia takes (it sleeps), standing for Julia's start and package work.</summary>
    public TimeSpan JuliaLaunchCost { get; }

    /// <summary>The mirror to give <c>[Julia(Mirror = ...)]</c>; the seed's <c>https://julialang-s3.julialang.org/bin</c> maps here too.</summary>
    public Uri JuliaMirror => new(Root, "julia/bin");

    /// <summary>Starts the server with the stand-in release of <paramref name="version"/> for linux x86_64.</summary>
    /// <param name="releaseMegabytes">Incompressible bytes the release carries besides julia, so that downloading and unpacking it costs what a real release's does (Julia 1.5.2's is about 100 MB).</param>
    public static async Task<StandInServer> StartAsync(string version, TimeSpan juliaLaunchCost, int releaseMegabytes = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        StandInServer? server = null;
        app.MapGet("/{**path}", (string path) =>
        {
            if (!server!._files.TryGetValue(path, out var bytes)) return Results.NotFound();
            server._downloads.AddOrUpdate(path, 1, (_, n) => n + 1);
            return Results.Bytes(bytes, "application/octet-stream");
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new StandInServer(app, new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/"), juliaLaunchCost);
        var minor = string.Join('.', version.Split('.').Take(2));
        server.Publish($"julia/bin/linux/x64/{minor}/julia-{version}-linux-x86_64.tar.gz", Release(version, juliaLaunchCost, releaseMegabytes));
        return server;
    }

    /// <summary>Serves <paramref name="content"/> at <paramref name="path"/> (relative to <see cref="Root"/>).</summary>
    public Uri Publish(string path, byte[] content)
    {
        _files[path] = content;
        return new Uri(Root, path);
    }

    public Uri Publish(string path, string text) => Publish(path, Encoding.UTF8.GetBytes(text));

    /// <summary>How many times <paramref name="path"/> was downloaded.</summary>
    public int Downloads(string path) => _downloads.GetValueOrDefault(path);

    /// <summary>Downloads of any Julia release.</summary>
    public int JuliaDownloads => _downloads.Where(d => d.Key.StartsWith("julia/", StringComparison.Ordinal)).Sum(d => d.Value);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A release tarball laid out as Julia's (<c>julia-VERSION/bin/julia</c>), whose julia is the stand-in.</summary>
    private static byte[] Release(string version, TimeSpan cost, int megabytes)
    {
        var seconds = cost.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var julia = $$"""
            #!/bin/bash
            # A stand-in for julia {{version}}: records the launch, makes its depot, then takes the time a launch costs.
            printf '%s launch with %d argument(s)\n' "$(date +%s.%N)" "$#" >> "$AZ_BATCH_NODE_SHARED_DIR/{{LaunchLog}}"
            printf '%s\n' "$@" > "$AZ_BATCH_NODE_SHARED_DIR/{{LastArguments}}"
            if [[ ${1:-} == --version ]]; then echo 'julia version {{version}}'; exit 0; fi
            # Julia keeps packages in the first depot: JULIA_DEPOT_PATH's, else ~/.julia.
            depot=${JULIA_DEPOT_PATH:-$HOME/.julia}
            mkdir -p "${depot%%:*}/packages"
            sleep {{seconds}}
            exit 0
            """;
        var executable = (UnixFileMode)Convert.ToInt32("755", 8);
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, $"julia-{version}/") { Mode = executable });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, $"julia-{version}/bin/") { Mode = executable });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"julia-{version}/bin/julia")
            {
                Mode = executable,
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(julia + "\n")),
            });
            if (megabytes > 0)
            {
                var payload = new byte[megabytes * 1024 * 1024];
                new Random(megabytes).NextBytes(payload);
                tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, $"julia-{version}/lib/") { Mode = executable });
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"julia-{version}/lib/libjulia-standin.so")
                {
                    Mode = (UnixFileMode)Convert.ToInt32("644", 8),
                    DataStream = new MemoryStream(payload),
                });
            }
        }
        return output.ToArray();
    }
}
