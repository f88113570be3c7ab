using ClusterlessHpc.AutoScale;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>Sample windows, percentages and the scalar value of a metric (docs/autoscale.md, "Samples").</summary>
public class SampleMethodsTests
{
    private static readonly DateTimeOffset Now = TestMetrics.Monday;

    private static AutoScaleEvaluation Run(string formula, AutoScaleContext context)
    {
        var parsed = AutoScaleFormula.Parse(formula);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        return parsed.Formula!.Evaluate(context);
    }

    private static string Value(string expression, AutoScaleContext context)
    {
        var evaluation = Run("r = " + expression + "; $TargetDedicatedNodes = 0;", context);
        Assert.True(evaluation.Succeeded, evaluation.ToString());
        return evaluation.Variables.Single(v => v.Key == "r").Value;
    }

    // Twenty samples 1..20, one every 30 s, the newest (20) at now.
    private static AutoScaleContext Twenty(TimeSpan? lastAge = null) =>
        TestMetrics.Context(Now, 0, 0, ("$CPUPercent", TestMetrics.Series(Now, lastAge ?? TimeSpan.Zero, Enumerable.Range(1, 20).Select(i => (double)i).ToArray())));

    [Theory]
    [InlineData("$CPUPercent.GetSample(3)", "[18,19,20]")]
    [InlineData("$CPUPercent.GetSample(1)", "[20]")]
    [InlineData("$CPUPercent.GetSample(50)", "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]")]
    [InlineData("$CPUPercent.GetSample(0)", "[]")]
    [InlineData("$CPUPercent.GetSample(2.9)", "[19,20]")]
    [InlineData("$CPUPercent.GetSample(TimeInterval_Minute)", "[19,20]")]
    [InlineData("$CPUPercent.GetSample(TimeInterval_Second * 90)", "[18,19,20]")]
    [InlineData("$CPUPercent.GetSample(1 * TimeInterval_Minute, 2 * TimeInterval_Minute)", "[17,18]")]
    [InlineData("$CPUPercent.GetSample(2 * TimeInterval_Minute, 1 * TimeInterval_Minute)", "[17,18]")]
    [InlineData("$CPUPercent.GetSample(time() - time(\"2024-05-06T11:58:00Z\"), TimeInterval_Zero)", "[17,18,19,20]")]
    [InlineData("$CPUPercent.GetSample(time(\"2024-05-06T11:58:00Z\"))", "[17,18,19,20]")]
    [InlineData("$CPUPercent.GetSample(time(\"2024-05-06T11:58:00Z\"), time(\"2024-05-06T11:59:00Z\"))", "[17,18]")]
    [InlineData("$CPUPercent.GetSample(-TimeInterval_Minute)", "[]")]
    [InlineData("$CPUPercent.Count()", "20")]
    [InlineData("$CPUPercent.GetSamplePeriod()", "PT30S")]
    [InlineData("$CPUPercent.HistoryBeginTime()", "2024-05-06T11:50:30.000Z")]
    [InlineData("$CPUPercent", "20")]
    [InlineData("$CPUPercent.GetSamplePercent(TimeInterval_Minute * 10)", "100")]
    [InlineData("$CPUPercent.GetSamplePercent(TimeInterval_Minute * 20)", "50")]
    [InlineData("$CPUPercent.GetSamplePercent(TimeInterval_Minute * 0, TimeInterval_Minute * 10)", "100")]
    [InlineData("$CPUPercent.GetSamplePercent(TimeInterval_Second * 45)", "100")]
    [InlineData("$ActiveTasks.GetSamplePercent(TimeInterval_Minute)", "0")]
    [InlineData("$ActiveTasks.Count()", "0")]
    [InlineData("$ActiveTasks.GetSample(5)", "[]")]
    public void Windows_counts_and_percentages(string expression, string expected) => Assert.Equal(expected, Value(expression, Twenty()));

    [Fact]
    public void Samples_after_now_are_not_yet_history()
    {
        var context = Twenty() with { Now = Now - TimeSpan.FromMinutes(1) };
        Assert.Equal("[17,18]", Value("$CPUPercent.GetSample(2)", context));
        Assert.Equal("18", Value("$CPUPercent.Count()", context));
        Assert.Equal("18", Value("$CPUPercent", context));
    }

    [Fact]
    public void The_documented_ten_minute_example_fails_at_95_and_succeeds_at_80()
    {
        // "only 90 percent of the samples are available": the samples arrive a minute late, 18 of the 20 expected.
        var context = TestMetrics.Context(Now, 0, 0, ("$CPUPercent", TestMetrics.Constant(Now, 50, 40, TimeSpan.FromMinutes(1))));
        Assert.Equal("90", Value("$CPUPercent.GetSamplePercent(TimeInterval_Minute * 10)", context));
        var failed = Run("r = $CPUPercent.GetSample(TimeInterval_Minute * 10, 95); $TargetDedicatedNodes = 0;", context);
        Assert.Equal("InsufficientSampleData", failed.Error!.Code);
        Assert.Equal("Line 1, Col 26: Insufficient data from data set: $CPUPercent wanted 95%, received 90%", failed.Error.Detail);
        Assert.Equal("[50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50]", Value("$CPUPercent.GetSample(TimeInterval_Minute * 10, 80)", context));
    }

    [Fact]
    public void Percentages_of_uneven_data_keep_six_digits()
    {
        var context = TestMetrics.Context(Now, 0, 0, ("$ActiveTasks", TestMetrics.Constant(Now, 1, 29, TimeSpan.FromSeconds(30))));
        Assert.Equal("96.6667", Value("$ActiveTasks.GetSamplePercent(TimeInterval_Minute * 15)", context));
        var failed = Run("r = $ActiveTasks.GetSample(TimeInterval_Minute * 15, 97); $TargetDedicatedNodes = 0;", context);
        Assert.EndsWith("$ActiveTasks wanted 97%, received 96.6667%", failed.Error!.Detail);
    }

    [Fact]
    public void A_metric_without_samples_cannot_be_read_as_a_value()
    {
        var evaluation = Run("$TargetDedicatedNodes = max(0, $PendingTasks);", TestMetrics.Context(Now, 2));
        Assert.Equal("InsufficientSampleData", evaluation.Error!.Code);
        Assert.Equal("Line 1, Col 32: Insufficient data from data set: $PendingTasks has no samples", evaluation.Error.Detail);
        var begin = Run("t = $PendingTasks.HistoryBeginTime(); $TargetDedicatedNodes = 0;", TestMetrics.Context(Now));
        Assert.Equal("Line 1, Col 35: Insufficient data from data set: $PendingTasks has no samples", begin.Error!.Detail);
    }

    [Fact]
    public void Node_counts_have_samples_too_under_their_current_name()
    {
        var context = TestMetrics.Context(Now, 5, 0, ("$CurrentDedicatedNodes", TestMetrics.Series(Now, TimeSpan.Zero, 3, 4)));
        Assert.Equal("[3,4]", Value("$CurrentDedicated.GetSample(2)", context));
        Assert.Equal("5", Value("$CurrentDedicatedNodes", context));
    }
}
