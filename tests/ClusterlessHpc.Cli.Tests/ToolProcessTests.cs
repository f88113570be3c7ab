namespace ClusterlessHpc.Cli.Tests;

/// <summary>The built tool as a user runs it: a separate process, standard input and exit code.</summary>
public class ToolProcessTests
{
    private static string ToolDll => Path.Combine(RepositoryRoot.Path, "runtime", "ClusterlessHpc.Cli", "bin", BuildConfiguration.Name, "net10.0", "ClusterlessHpc.Cli.dll");

    [Fact]
    public void The_built_tool_checks_and_evaluates_from_standard_input()
    {
        Assert.True(File.Exists(ToolDll), ToolDll + " was not built");
        var check = ProcessRunner.Run("dotnet", [ToolDll, "formula", "check", "-"], stdin: "$TargetDedicatedNodes = {pool.CurrentDedicatedComputeNodes};");
        Assert.Equal(1, check.ExitCode);
        Assert.StartsWith("<stdin>(1,25): error CHPC1020: '{pool.CurrentDedicatedComputeNodes}' is not allowed", check.Stdout);

        var eval = ProcessRunner.Run("dotnet", [ToolDll, "formula", "eval", "-", "--targets", "2,0", "--now", "2024-05-06T12:00:00Z"], stdin: "$TargetDedicatedNodes=3");
        Assert.Equal((0, "$TargetDedicatedNodes=3;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue"), (eval.ExitCode, eval.Stdout.TrimEnd()));

        var usage = ProcessRunner.Run("dotnet", [ToolDll, "formula", "eval"]);
        Assert.Equal(3, usage.ExitCode);
    }

    [Fact]
    public void Apply_then_status_in_two_processes_see_the_same_pool_through_the_emulators_state_under_home()
    {
        using var home = new TempFiles();
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home.Folder,
            // A port nobody listens on, so no standalone emulator on this machine is used.
            ["CHPC_EMULATOR_PORT"] = AccountTests.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ClusterlessHpc__Batch__Endpoint"] = "",
        };
        var parameters = EmulatorFixture.Parameters(home, "process", nodes: 1);

        var apply = ProcessRunner.Run("dotnet", [ToolDll, "apply", "--parameters", parameters], environment: environment, workingDirectory: home.Folder);
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("] process_1: ready: 1 idle node(s)\n", apply.Stdout.ReplaceLineEndings("\n"));
        Assert.DoesNotContain('\u001b', apply.Stdout);

        var status = ProcessRunner.Run("dotnet", [ToolDll, "status", "--json"], environment: environment, workingDirectory: home.Folder);
        Assert.True(status.ExitCode == 0, status.Stdout + status.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(status.Stdout);
        var pool = Assert.Single(json.RootElement.GetProperty("pools").EnumerateArray());
        Assert.Equal(("process_1", 1), (pool.GetProperty("id").GetString(), pool.GetProperty("nodeCounts").GetProperty("idle").GetInt32()));
        Assert.True(File.Exists(Path.Combine(home.Folder, ".clusterlesshpc", "emulator-state.json")));
    }
}
