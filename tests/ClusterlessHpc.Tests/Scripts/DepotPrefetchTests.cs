using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

/// <summary>
/// The depot archive a later node downloads in the background while it gets its Julia release: a script that fails in the
/// meantime stops that download, deletes its folder and ends with its own failure's exit code.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DepotPrefetchTests : IDisposable
{
    private readonly NodeSandbox _node = new(standInCurl: false);

    public void Dispose() => _node.Dispose();

    [Fact]
    public void A_script_that_fails_while_the_depot_downloads_stops_that_download_deletes_its_folder_and_keeps_its_exit_code()
    {
        // A curl that never finishes the depot (and records the processes it leaves) and cannot reach the mirror (curl's 7),
        // which it says only once the depot's download is under way.
        _node.AddTool("curl",
            "#!/bin/bash\n" +
            "if [[ \" $* \" == *depot-x86_64* ]]; then\n" +
            $"  sleep 1000 &\n  echo \"$!\" >> '{_node.Pids}'\n  echo \"$BASHPID\" >> '{_node.Pids}'\n  wait\nfi\n" +
            $"for _ in $(seq 100); do [[ $(wc -l < '{_node.Pids}') -ge 2 ]] && break; sleep 0.1; done\n" +
            "echo 'curl: (7) Failed to connect to the mirror' >&2\n" +
            "exit 7\n");
        var pool = new PoolDefinition
        {
            Id = "later",
            VmSize = "Standard_D2s_v3",
            Julia = new JuliaDefinition("1.10.5"),
            JuliaPackages = [new JuliaPackageDefinition("JSON")],
        };
        var settings = new Dictionary<string, string> { [NodeCache.DepotRead] = "http://127.0.0.1:9/clusterlesshpc/definitions/h/depot-x86_64.tar.gz?sig=s" };

        var run = _node.Run(StartupScriptRenderer.Render(pool), TimeSpan.FromSeconds(60), settings);

        Assert.Equal(7, run.ExitCode);
        Assert.Contains("downloading https://julialang-s3.julialang.org/", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(_node.Pids).Length);
        Assert.Empty(_node.LiveStandInProcesses());
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(_node.SharedDir, "clusterlesshpc"), "download.*"));
    }
}
