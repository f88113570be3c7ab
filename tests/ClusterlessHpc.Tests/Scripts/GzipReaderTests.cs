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

    private static string Which(string program) =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, program)).First(File.Exists);
}
