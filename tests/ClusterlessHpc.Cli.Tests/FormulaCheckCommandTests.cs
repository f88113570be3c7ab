namespace ClusterlessHpc.Cli.Tests;

public class FormulaCheckCommandTests
{
    [Fact]
    public void A_valid_formula_prints_nothing_and_exits_0()
    {
        using var files = new TempFiles();
        var file = files.Write("ok.formula", "$TargetDedicatedNodes = max(0, $PendingTasks);\n");
        Assert.Equal((0, "", ""), CliRun.Run(null, "formula", "check", file));
    }

    [Fact]
    public void Errors_print_in_the_compiler_format_and_exit_1()
    {
        using var files = new TempFiles();
        var file = files.Write("bad.formula", "$TargetDedicatedNodes = min(400, $total)\n$NodeDeallocationOption = retaindata;");
        var (exit, stdout, stderr) = CliRun.Run(null, "formula", "check", file);
        Assert.Equal(1, exit);
        Assert.Equal(
            $"{file}(1,34): error CHPC1002: Unknown variable '$total': it is not a system variable and the formula never assigns it\n" +
            $"{file}(2,1): error CHPC1001: Expected ';' before '$NodeDeallocationOption': the statement before it is complete, and a line break does not end a statement\n" +
            $"{file}(2,27): error CHPC1010: 'retaindata' is not a deallocation keyword: $NodeDeallocationOption takes one of the bare words requeue, terminate, taskcompletion or retaineddata (did you mean 'retaineddata'?)\n",
            stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Each_kind_of_syntax_problem_prints_its_own_id()
    {
        var (exit, stdout, _) = CliRun.Run("/* cap */ $TargetDedicatedNodes = min(1e3, $PendingTasks.GetSample(1) & 1);", "formula", "check", "-");
        Assert.Equal(1, exit);
        Assert.Equal(
            "<stdin>(1,1): error CHPC1017: Block comment '/* cap */' is not supported: the formula language has only '//' comments, which run to the end of the line\n" +
            "<stdin>(1,39): error CHPC1024: '1e3' is not a number: write digits with an optional fraction, such as 25 or 0.25\n" +
            "<stdin>(1,71): error CHPC1021: '&' is not an operator: the logical and is '&&'\n",
            stdout);
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        var (exit, stdout, _) = CliRun.Run("x = $ActiveTasks.GetSample(5);", "formula", "check", "-");
        Assert.Equal(0, exit);
        Assert.Equal("<stdin>(1,1): warning CHPC1015: The autoscale formula assigns neither $TargetDedicatedNodes nor $TargetLowPriorityNodes, so it never changes the pool size\n", stdout);
    }

    [Fact]
    public void Standard_input_is_named_stdin()
    {
        var (exit, stdout, _) = CliRun.Run("$TargetDedicatedNodes = Max(1, 2);", "formula", "check", "-");
        Assert.Equal(1, exit);
        Assert.StartsWith("<stdin>(1,25): error CHPC1003: Unknown function 'Max' (did you mean 'max'?)", stdout);
    }

    [Fact]
    public void A_missing_file_is_invalid_input()
    {
        using var files = new TempFiles();
        var (exit, stdout, stderr) = CliRun.Run(null, "formula", "check", files.PathOf("absent.formula"));
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: cannot read " + files.PathOf("absent.formula"), stderr);
    }

    [Theory]
    [InlineData("chpc formula check", "formula", "check")]
    [InlineData("chpc formula check", "formula", "check", "a", "b")]
    [InlineData("chpc formula", "formula", "lint", "a")]
    [InlineData("chpc formula", "formula")]
    public void Command_lines_that_do_not_parse_exit_3_pointing_at_the_commands_own_help(string command, params string[] args)
    {
        var (exit, stdout, stderr) = CliRun.Run(null, args);
        Assert.Equal(3, exit);
        Assert.Equal("", stdout);
        Assert.EndsWith($"Run '{command} --help' for usage.\n", stderr);
    }

    [Fact]
    public void Help_describes_the_commands()
    {
        var (exit, stdout, _) = CliRun.Run(null, "formula", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("check", stdout);
        Assert.Contains("eval", stdout);
    }

    [Fact]
    public void Json_lists_each_diagnostic()
    {
        var (exit, stdout, _) = CliRun.Run("$TargetDedicatedNodes = Max(1, 2);", "formula", "check", "-", "--json");
        Assert.Equal(1, exit);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal("<stdin>", json.RootElement.GetProperty("file").GetString());
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("error", "CHPC1003", 1, 25),
            (diagnostic.GetProperty("severity").GetString(), diagnostic.GetProperty("id").GetString(), diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32()));
    }
}
