namespace ClusterlessHpc.Cli.Tests;

public class FormulaEvalCommandTests
{
    private const string Metrics = """
        {
          "now": "2024-05-06T12:00:00Z",
          "pool": { "targetDedicatedNodes": 1, "targetLowPriorityNodes": 0 },
          "samples": { "$ActiveTasks": { "end": "2024-05-06T12:00:00Z", "values": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] } }
        }
        """;

    // The HASTE pool's formula, whose real results are quoted in the corpus.
    private const string Haste = "$samples = $ActiveTasks.GetSamplePercent(TimeInterval_Minute * 15);\n$tasks = $samples < 70 ? max(0, $ActiveTasks.GetSample(1)) : \nmax( $ActiveTasks.GetSample(1), avg($ActiveTasks.GetSample(TimeInterval_Minute * 15)));\n$targetVMs = $tasks > 0 ? $tasks : max(0, $TargetDedicatedNodes / 2);\ncappedPoolSize = 3;\n$TargetDedicatedNodes = max(1, min($targetVMs, cappedPoolSize));\n$NodeDeallocationOption = taskcompletion;\n";

    [Fact]
    public void Prints_the_services_results_line()
    {
        using var files = new TempFiles();
        var (exit, stdout, stderr) = CliRun.Run(null, "formula", "eval", files.Write("haste.formula", Haste), "--metrics", files.Write("m.json", Metrics));
        // The formula's one lint: $TargetDedicatedNodes / 2 can be fractional (the results line shows $targetVMs=0.5).
        Assert.Equal(0, exit);
        var warning = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("haste.formula(6,", warning, StringComparison.Ordinal);
        Assert.Contains("warning CHPC1044", warning, StringComparison.Ordinal);
        Assert.Equal("$TargetDedicatedNodes=1;$TargetLowPriorityNodes=0;$NodeDeallocationOption=taskcompletion;$samples=96.6667;$targetVMs=0.5;$tasks=0;cappedPoolSize=3\n", stdout);
    }

    [Fact]
    public void Now_and_targets_override_the_metrics_file()
    {
        using var files = new TempFiles();
        var formula = files.Write("f.formula", "$TargetDedicatedNodes = $TargetDedicatedNodes + time().hour;");
        var (exit, stdout, _) = CliRun.Run(null, "formula", "eval", formula, "--metrics", files.Write("m.json", Metrics), "--now", "2024-05-06T15:30:00+02:00", "--targets", "4,2");
        Assert.Equal(0, exit);
        Assert.Equal("$TargetDedicatedNodes=17;$TargetLowPriorityNodes=2;$NodeDeallocationOption=requeue\n", stdout);
    }

    [Fact]
    public void Without_metrics_the_pool_has_no_samples()
    {
        var (exit, stdout, _) = CliRun.Run("$TargetDedicatedNodes = $ActiveTasks.Count() + 1", "formula", "eval", "-", "--targets", "3,0");
        Assert.Equal(0, exit);
        Assert.Equal("$TargetDedicatedNodes=1;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue\n", stdout);
    }

    [Fact]
    public void An_evaluation_error_prints_its_code_on_stderr_and_exits_2()
    {
        var (exit, stdout, stderr) = CliRun.Run("$RunningTasks.GetSample(10 * TimeInterval_Second, 0 * TimeInterval_Second, 100);", "formula", "eval", "-", "--targets", "2,0", "--now", "2024-05-06T12:00:00Z");
        Assert.Equal(2, exit);
        Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue\n", stdout);
        Assert.EndsWith("error InsufficientSampleData: Line 1, Col 24: Insufficient data from data set: $RunningTasks wanted 100%, received 0%\n", stderr);
        Assert.StartsWith("<stdin>(1,1): warning CHPC1015", stderr);
    }

    [Fact]
    public void A_formula_with_errors_is_not_evaluated()
    {
        var (exit, stdout, stderr) = CliRun.Run("$TargetDedicatedNodes = time() + 5;", "formula", "eval", "-");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Equal("<stdin>(1,25): error CHPC1007: Type error in 'time() + 5': '+' cannot be applied to a timestamp and a double\n", stderr);
    }

    [Fact]
    public void A_bad_metrics_file_is_invalid_input()
    {
        using var files = new TempFiles();
        var metrics = files.Write("m.json", "{ \"samples\": { \"$Bogus\": [] } }");
        var (exit, _, stderr) = CliRun.Run("$TargetDedicatedNodes = 1;", "formula", "eval", "-", "--metrics", metrics);
        Assert.Equal(1, exit);
        Assert.Equal($"error: {metrics}: The metrics JSON is invalid: '$Bogus' is not a variable with samples (for example $ActiveTasks or $CPUPercent).\n", stderr);
        var misspelled = files.Write("typo.json", "{ \"samples\": { \"$ActiveTask\": [] } }");
        var (typoExit, _, typo) = CliRun.Run("$TargetDedicatedNodes = 1;", "formula", "eval", "-", "--metrics", misspelled);
        Assert.Equal(1, typoExit);
        Assert.Equal($"error: {misspelled}: The metrics JSON is invalid: '$ActiveTask' is not a variable with samples (did you mean '$ActiveTasks'?).\n", typo);
        var (missingExit, _, missing) = CliRun.Run("$TargetDedicatedNodes = 1;", "formula", "eval", "-", "--metrics", files.PathOf("none.json"));
        Assert.Equal(1, missingExit);
        Assert.StartsWith("error: " + files.PathOf("none.json"), missing);
    }

    [Theory]
    [InlineData("--now", "yesterday", "--now 'yesterday' is not an ISO 8601 time")]
    [InlineData("--targets", "2", "--targets '2' must be two node counts")]
    [InlineData("--targets", "-1,2", "--targets '-1,2' must be two node counts")]
    public void Bad_option_values_are_usage_errors(string option, string value, string message)
    {
        var (exit, _, stderr) = CliRun.Run("$TargetDedicatedNodes = 1;", "formula", "eval", "-", option, value);
        Assert.Equal(3, exit);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void Json_has_the_results_line_targets_and_error()
    {
        var (exit, stdout, _) = CliRun.Run("$TargetDedicatedNodes = 4; $NodeDeallocationOption = taskcompletion;", "formula", "eval", "-", "--json");
        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal("$TargetDedicatedNodes=4;$TargetLowPriorityNodes=0;$NodeDeallocationOption=taskcompletion", json.RootElement.GetProperty("results").GetString());
        Assert.Equal((4, "taskcompletion"), (json.RootElement.GetProperty("targetDedicatedNodes").GetInt32(), json.RootElement.GetProperty("nodeDeallocationOption").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("error").ValueKind);
    }
}
