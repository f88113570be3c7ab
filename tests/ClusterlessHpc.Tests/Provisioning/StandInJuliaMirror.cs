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

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>
/// A Julia mirror on loopback serving, for every release path, a tarball whose <c>bin/julia</c> is a bash stand-in that
/// plays the Julia program it is given (<c>-e</c>) far enough to test the node's side: it prints the program's step
/// markers as Julia would, says which manifest <c>Pkg.instantiate()</c> found (its SHA-256, from <c>JULIA_PROJECT</c>),
/// and fails, as Pkg does, at the step whose marker ends with <see cref="FailingStep"/>.
/// </summary>
internal sealed class StandInJuliaMirror : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInJuliaMirror(WebApplication app, string mirror)
    {
        _app = app;
        Mirror = mirror;
    }

    /// <summary>The base URL for <c>[Julia(Mirror = ...)]</c>.</summary>
    public string Mirror { get; }

    /// <param name="failingStep">The step name (<c>develop JOLI</c>) at which the stand-in fails, with <paramref name="error"/> on stderr.</param>
    public static async Task<StandInJuliaMirror> StartAsync(string? failingStep = null, string error = "ERROR: stand-in failure")
    {
        var julia = """
            #!/bin/bash
            program=""
            for ((i = 1; i <= $#; i++)); do if [[ ${!i} == -e ]]; then j=$((i + 1)); program=${!j}; fi; done
            marker_line='^println\("(##\[chpc step [^"]*)"\)'
            while IFS= read -r line; do
              if [[ $line =~ $marker_line ]]; then
                marker=${BASH_REMATCH[1]}
                printf '%s\n' "$marker"
                FAILING
              elif [[ $line == 'Pkg.instantiate()' ]]; then
                printf 'instantiated %s\n' "$(sha256sum < "$JULIA_PROJECT/Manifest.toml" | cut -d' ' -f1)"
              fi
            done <<< "$program"
            exit 0
            """.Replace("FAILING", failingStep is null ? ":" :
                $"if [[ $marker == *'] {failingStep}' ]]; then printf '%s\\n' 'Updating registry' '{error}' >&2; exit 1; fi", StringComparison.Ordinal);
        var tarball = Release(julia);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/julia/{**path}", () => Results.Bytes(tarball, "application/gzip"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new StandInJuliaMirror(app, address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/julia");
    }

    private static byte[] Release(string julia)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            var directory = (UnixFileMode)Convert.ToInt32("755", 8);
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "julia-standin/") { Mode = directory });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "julia-standin/bin/") { Mode = directory });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "julia-standin/bin/julia")
            {
                Mode = directory,
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
