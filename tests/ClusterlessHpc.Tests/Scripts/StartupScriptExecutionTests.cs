using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

/// <summary>
/// Runs rendered scripts for real in a scratch node directory, as an unprivileged user when the tests run as root,
/// with a stand-in julia that records each launch (Julia itself is not downloaded: the stand-in is already in place).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StartupScriptExecutionTests : IDisposable
{
    private readonly string _node = Path.Combine(Path.GetTempPath(), "chpc-node-" + Guid.NewGuid().ToString("N"));

    public StartupScriptExecutionTests() => Directory.CreateDirectory(_node);

    public void Dispose() => Directory.Delete(_node, recursive: true);

    [Fact]
    public void The_seed_pool_installs_with_one_julia_launch_and_a_second_run_returns_at_once()
    {
        var julia = InstallStandInJulia("1.5.2", exitCode: 0);

        var first = RunScript(StartupScriptRenderer.Render(SamplePools.Seed));
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        var launches = File.ReadAllLines(julia.Log);
        Assert.Single(launches);
        Assert.Contains("Pkg.add([PackageSpec(name = \"IterativeSolvers\")])", File.ReadAllText(julia.Log + ".program"));
        Assert.True(File.Exists(Path.Combine(_node, "shared", "clusterlesshpc", "installed", StartupScriptRenderer.DefinitionHash(SamplePools.Seed))));

        var launcher = Path.Combine(_node, "shared", "clusterlesshpc", "bin", "julia");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
            File.GetUnixFileMode(launcher));
        Assert.Contains("/clusterlesshpc/depot\"", File.ReadAllText(launcher));

        var second = RunScript(StartupScriptRenderer.Render(SamplePools.Seed));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already installed", second.Stdout);
        Assert.Single(File.ReadAllLines(julia.Log));

        var worldWritable = ProcessRunner.Run("find", [Path.Combine(_node, "shared"), "-perm", "-o+w", "-not", "-type", "l"]);
        Assert.Equal("", worldWritable.Stdout.Trim());
    }

    [Fact]
    public void A_package_that_fails_fails_the_script_and_leaves_no_marker()
    {
        InstallStandInJulia("1.5.2", exitCode: 1);

        var run = RunScript(StartupScriptRenderer.Render(SamplePools.Seed));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("stand-in julia failed", run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_node, "shared", "clusterlesshpc", "installed")) &&
                     Directory.EnumerateFiles(Path.Combine(_node, "shared", "clusterlesshpc", "installed")).Any());
    }

    [Fact]
    public void A_changed_definition_installs_again()
    {
        var julia = InstallStandInJulia("1.5.2", exitCode: 0);
        Assert.Equal(0, RunScript(StartupScriptRenderer.Render(SamplePools.Seed)).ExitCode);

        var changed = new PoolDefinition { Id = "redwood", VmSize = "Standard_E8s_v3", Julia = new JuliaDefinition("1.5.2"), JuliaPackages = [new JuliaPackageDefinition("IterativeSolvers")] };
        Assert.Equal(0, RunScript(StartupScriptRenderer.Render(changed)).ExitCode);

        Assert.Equal(2, File.ReadAllLines(julia.Log).Length);
    }

    private (string Log, string Path) InstallStandInJulia(string version, int exitCode)
    {
        var bin = Path.Combine(_node, "shared", "clusterlesshpc", $"julia-{version}", "bin");
        Directory.CreateDirectory(bin);
        var log = Path.Combine(_node, "julia-launches.log");
        var julia = Path.Combine(bin, "julia");
        File.WriteAllText(julia,
            "#!/bin/bash\n" +
            $"echo \"launch $#\" >> '{log}'\n" +
            "for ((i = 1; i <= $#; i++)); do if [[ ${!i} == -e ]]; then j=$((i + 1)); printf '%s' \"${!j}\" > '" + log + ".program'; fi; done\n" +
            (exitCode == 0 ? "exit 0\n" : $"echo 'stand-in julia failed' >&2\nexit {exitCode}\n"));
        File.SetUnixFileMode(julia, (UnixFileMode)Convert.ToInt32("755", 8));
        File.WriteAllText(log, "");
        MakeOwnedByRunner();
        return (log, julia);
    }

    private (int ExitCode, string Stdout, string Stderr) RunScript(string script)
    {
        var file = Path.Combine(_node, "startup.sh");
        File.WriteAllText(file, script);
        MakeOwnedByRunner();
        var environment = new Dictionary<string, string> { ["AZ_BATCH_NODE_SHARED_DIR"] = Path.Combine(_node, "shared"), ["HOME"] = _node };
        return Environment.UserName == "root"
            ? ProcessRunner.Run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "bash", file], environment: environment)
            : ProcessRunner.Run("bash", [file], environment: environment);
    }

    // As root, the scripts run as 'nobody', as a start task would run as a user that cannot write system folders.
    private void MakeOwnedByRunner()
    {
        if (Environment.UserName != "root") return;
        Directory.CreateDirectory(Path.Combine(_node, "shared"));
        ProcessRunner.Run("chown", ["-R", "65534:65534", _node]);
    }
}
