using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

/// <summary>
/// The startup script decompresses with zstd only where zstd reads gzip, and with gzip otherwise: bash runs the script's
/// choice with a PATH of its own (the real gzip and, as each case needs, no zstd, a zstd without gzip support, or one with),
/// then decompresses with what it chose.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GzipReaderTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("chpc-gzip-reader-").FullName;

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    public static TheoryData<string, string> Cases => new()
    {
        { "none", "gzip -dc" },
        { "without gzip support", "gzip -dc" },
        { "reading gzip", "zstd -dcq --format=gzip" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_script_chooses_zstd_only_where_it_reads_gzip_and_decompresses_with_its_choice(string zstd, string chosen)
    {
        File.CreateSymbolicLink(Path.Combine(_bin, "gzip"), Which("gzip"));
        if (zstd != "none")
        {
            // A stand-in zstd: it reads gzip (through the real gzip) only when built "with zlib".
            var body = zstd == "reading gzip"
                ? "#!/bin/bash\nif [[ \" $* \" == *' --format=gzip '* ]]; then exec gzip -dc; fi\nexit 1\n"
                : "#!/bin/bash\necho 'zstd: --format=gzip: not supported in this build' >&2\nexit 1\n";
            var path = Path.Combine(_bin, "zstd");
            File.WriteAllText(path, body);
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
        }
        var script = GzipReader.Choose +
                     "printf '%s\\n' \"${gunzip_command[*]}\"\n" +
                     "printf 'the release' | gzip -c | " + GzipReader.Command + "\n";

        var (exitCode, stdout, stderr) = ProcessRunner.Run("/bin/bash", ["-euo", "pipefail", "-c", script], environment: new Dictionary<string, string> { ["PATH"] = _bin });

        Assert.True(exitCode == 0, stderr);
        Assert.Equal($"{chosen}\nthe release", stdout);
    }

    [Fact]
    public void A_release_with_bytes_after_its_gzip_stream_is_installed_whichever_decoder_the_node_has()
    {
        // zstd refuses the padding that gzip ignores: where the node's zstd is chosen, gzip unpacks the release again.
        using var node = new NodeSandbox(standInCurl: false);
        node.AddStandInJulia();
        node.AddTool("curl",
            "#!/bin/bash\n" +
            "out=''\n" +
            "while [[ $# -gt 0 ]]; do if [[ $1 == --output ]]; then out=$2; shift; fi; shift; done\n" +
            $"tar -czf \"$out\" -C '{node.Root}/release' julia-standin\n" +
            "head -c 1024 /dev/zero >> \"$out\"\n");

        var run = node.Run(StartupScriptRenderer.Render(SamplePools.Seed));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.True(File.Exists(Path.Combine(node.SharedDir, "clusterlesshpc", "julia-1.5.2", "bin", "julia")), "the padded release was not installed");
        Assert.Equal(1, node.JuliaLaunches);
    }

    private static string Which(string program) =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, program)).First(File.Exists);
}
