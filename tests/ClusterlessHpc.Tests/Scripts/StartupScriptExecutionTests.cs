using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Scripts;

/// <summary>Rendered scripts run for real in a scratch node (see <see cref="NodeSandbox"/>).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StartupScriptExecutionTests : IDisposable
{
    private readonly NodeSandbox _node = new();

    public void Dispose() => _node.Dispose();

    [Fact]
    public void The_seed_pool_installs_with_one_julia_launch_and_a_second_run_returns_at_once()
    {
        _node.AddStandInJulia();

        var first = _node.Run(StartupScriptRenderer.Render(SamplePools.Seed));
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.Equal(1, _node.JuliaLaunches);
        Assert.Contains("Pkg.add([PackageSpec(name = \"IterativeSolvers\")])", _node.LastProgram);
        Assert.True(File.Exists(Path.Combine(_node.SharedDir, "clusterlesshpc", "installed", StartupScriptRenderer.DefinitionHash(SamplePools.Seed))));
        Assert.True(File.Exists(Path.Combine(_node.SharedDir, "clusterlesshpc", "julia-1.5.2", "bin", "julia")), "the downloaded release was not installed");

        var launcher = Path.Combine(_node.SharedDir, "clusterlesshpc", "bin", "julia");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
            File.GetUnixFileMode(launcher));
        Assert.Contains("/clusterlesshpc/depot:", File.ReadAllText(launcher));

        var second = _node.Run(StartupScriptRenderer.Render(SamplePools.Seed));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already installed", second.Stdout);
        Assert.Equal(1, _node.JuliaLaunches);

        var worldWritable = ProcessRunner.Run("find", [_node.SharedDir, "-perm", "-o+w", "-not", "-type", "l"]);
        Assert.Equal("", worldWritable.Stdout.Trim());
    }

    [Fact]
    public void A_package_that_fails_fails_the_script_and_leaves_no_marker()
    {
        _node.AddStandInJulia(exitCode: 1);

        var run = _node.Run(StartupScriptRenderer.Render(SamplePools.Seed));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("stand-in julia failed", run.Stderr);
        var installed = Path.Combine(_node.SharedDir, "clusterlesshpc", "installed");
        Assert.False(Directory.Exists(installed) && Directory.EnumerateFiles(installed).Any());
    }

    [Fact]
    public void A_changed_definition_installs_again()
    {
        _node.AddStandInJulia(preinstalledVersion: "1.5.2");
        Assert.Equal(0, _node.Run(StartupScriptRenderer.Render(SamplePools.Seed)).ExitCode);

        var changed = new PoolDefinition { Id = "redwood", VmSize = "Standard_E8s_v3", Julia = new JuliaDefinition("1.5.2"), JuliaPackages = [new JuliaPackageDefinition("IterativeSolvers")] };
        Assert.Equal(0, _node.Run(StartupScriptRenderer.Render(changed)).ExitCode);

        Assert.Equal(2, _node.JuliaLaunches);
    }

    [Fact]
    public void A_wrong_checksum_stops_the_install()
    {
        _node.AddStandInJulia();
        var pinned = new PoolDefinition { Id = "pinned", Julia = new JuliaDefinition("1.10.5") { Sha256 = new string('0', 64) } };

        var run = _node.Run(StartupScriptRenderer.Render(pinned));

        Assert.NotEqual(0, run.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_node.SharedDir, "clusterlesshpc", "julia-1.10.5")));
    }

    [Fact]
    public void Startup_steps_run_in_order_around_the_packages_and_cannot_change_the_script()
    {
        _node.AddStandInJulia();
        var log = Path.Combine(_node.Root, "steps.log");
        var pool = new PoolDefinition
        {
            Id = "steps",
            Julia = new JuliaDefinition("1.10.5"),
            JuliaPackages = [new JuliaPackageDefinition("Example")],
            StartupSteps =
            [
                new StartupStepDefinition($"echo first >> '{log}'\ncd /"),
                new StartupStepDefinition($"echo after \"$(wc -l < '{_node.JuliaLog}')\" >> '{log}'") { AfterPackages = true },
                new StartupStepDefinition($"echo second \"$(wc -l < '{_node.JuliaLog}')\" >> '{log}'"),
            ],
        };

        var run = _node.Run(StartupScriptRenderer.Render(pool));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(["first", "second 0", "after 1"], File.ReadAllLines(log));
    }

    [Fact]
    public void A_failing_startup_step_fails_the_script()
    {
        var pool = new PoolDefinition { Id = "failing-step", StartupSteps = [new StartupStepDefinition("false")] };

        var run = _node.Run(StartupScriptRenderer.Render(pool));

        Assert.NotEqual(0, run.ExitCode);
        Assert.False(Directory.EnumerateFiles(Path.Combine(_node.SharedDir, "clusterlesshpc", "installed")).Any());
    }
}
