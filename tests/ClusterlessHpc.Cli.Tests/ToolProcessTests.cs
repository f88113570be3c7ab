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
        Assert.StartsWith("<stdin>(1,25): error CHPC1001: Syntax error in the autoscale formula: '{' is not allowed", check.Stdout);

        var eval = ProcessRunner.Run("dotnet", [ToolDll, "formula", "eval", "-", "--targets", "2,0", "--now", "2024-05-06T12:00:00Z"], stdin: "$TargetDedicatedNodes=3");
        Assert.Equal((0, "$TargetDedicatedNodes=3;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue"), (eval.ExitCode, eval.Stdout.TrimEnd()));

        var usage = ProcessRunner.Run("dotnet", [ToolDll, "formula", "eval"]);
        Assert.Equal(3, usage.ExitCode);
    }
}
