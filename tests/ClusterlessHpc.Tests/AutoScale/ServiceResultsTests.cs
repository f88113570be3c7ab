using ClusterlessHpc.AutoScale;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>
/// The real results strings quoted in shared/autoscale-language.md §8 and the corpus index, reproduced with the pool state
/// and samples that produce them (worked out from each formula by hand).
/// </summary>
public class ServiceResultsTests
{
    private static AutoScaleEvaluation Evaluate(string formula, AutoScaleContext context)
    {
        var parsed = AutoScaleFormula.Parse(formula);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        return parsed.Formula!.Evaluate(context);
    }

    [Fact]
    public void Live_sdk_test_target_three()
    {
        // JS, Python and .NET live tests: exactly this string.
        var evaluation = Evaluate(FormulaCorpus.Read("valid/44-azure-sdk-live-evaluate-target3.txt"), TestMetrics.Context(TestMetrics.Monday));
        Assert.Equal("$TargetDedicatedNodes=3;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", evaluation.Results);
    }

    [Fact]
    public void Live_sdk_test_three_targets()
    {
        var evaluation = Evaluate(FormulaCorpus.Read("valid/42-azure-sdk-net-autoscaleverbs-three-targets.txt"), TestMetrics.Context(TestMetrics.Monday, 4, 2));
        Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", evaluation.Results);
    }

    [Fact]
    public void JupiterOne_capture()
    {
        // Six zero samples in the last 180 s: 100 percent, average 0, min(2, 0) = 0.
        var now = TestMetrics.Monday;
        var context = TestMetrics.Context(now, 0, 0, ("$PendingTasks", TestMetrics.Constant(now, 0, 6)));
        var evaluation = Evaluate(FormulaCorpus.Read("valid/41-jupiterone-graph-azure-with-real-results.txt"), context);
        Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;maxNumberofVMs=2;pendingTaskSamplePercent=100;pendingTaskSamples=0;startingNumberOfVMs=1", evaluation.Results);
    }

    [Fact]
    public void Haste_capture()
    {
        // 29 of the 30 samples of 15 minutes (96.6667 %), no active tasks, pool target 1: $targetVMs = 1 / 2, capped to max(1, ...).
        var now = TestMetrics.Monday;
        var zeros = Enumerable.Repeat<double?>(0, 30).ToArray();
        var samples = new SampleSeries(zeros.Select((v, i) => (v, i)).Where(x => x.i != 10)
            .Select(x => new MetricSample(now - TimeSpan.FromSeconds(30 * (29 - x.i)), x.v!.Value)));
        var context = TestMetrics.Context(now, 1, 0, ("$ActiveTasks", samples));
        var evaluation = Evaluate(FormulaCorpus.Read("valid/40-haste-pool-json-with-real-results.txt"), context);
        Assert.Equal("$TargetDedicatedNodes=1;$TargetLowPriorityNodes=0;$NodeDeallocationOption=taskcompletion;$samples=96.6667;$targetVMs=0.5;$tasks=0;cappedPoolSize=3", evaluation.Results);
    }

    [Fact]
    public void DoAzureParallel_issue_215()
    {
        // The queue template with maxTasksPerNode = 4; the bounds (dedicated 2..10, low-priority 5..10) are read back from
        // the results, and the pool's target was 1: $targetVMs = max(0, 1 / 2) + 0.5 = 1.
        const string formula = "$samples = $ActiveTasks.GetSamplePercent(TimeInterval_Minute * 15);$tasks = $samples < 70 ? max(0,$ActiveTasks.GetSample(1)) : max( $ActiveTasks.GetSample(1), avg($ActiveTasks.GetSample(TimeInterval_Minute * 15)));$maxTasksPerNode = 4;$round = $maxTasksPerNode - 1;$targetVMs = $tasks > 0 ? (($tasks + $round) / $maxTasksPerNode) : max(0, $TargetDedicated/2) + 0.5;$TargetDedicatedNodes = max(2, min($targetVMs, 10));$TargetLowPriorityNodes = max(5, min($targetVMs, 10));$NodeDeallocationOption = taskcompletion;";
        var now = TestMetrics.Monday;
        var context = TestMetrics.Context(now, 1, 0, ("$ActiveTasks", TestMetrics.Constant(now, 0, 30)));
        Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=5;$NodeDeallocationOption=taskcompletion;$maxTasksPerNode=4;$round=3;$samples=100;$targetVMs=1;$tasks=0",
            Evaluate(formula, context).Results);
    }

    [Fact]
    public void Docs_2016_time_based_results_with_todays_low_priority_entry()
    {
        // Thursday 19:18 UTC: a weekday outside working hours. The 2016 service had no low-priority target (ruling R-results-1).
        const string formula = "$curTime = time();\n$workHours = $curTime.hour >= 8 && $curTime.hour < 18;\n$isWeekday = $curTime.weekday >= 1 && $curTime.weekday <= 5;\n$isWorkingWeekdayHour = $workHours && $isWeekday;\n$TargetDedicatedNodes = $isWorkingWeekdayHour ? 20:10;";
        var context = TestMetrics.Context(new DateTimeOffset(2016, 10, 13, 19, 18, 47, 805, TimeSpan.Zero));
        Assert.Equal("$TargetDedicatedNodes=10;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;$curTime=2016-10-13T19:18:47.805Z;$isWeekday=1;$isWorkingWeekdayHour=0;$workHours=0",
            Evaluate(formula, context).Results);
    }

    [Fact]
    public void PowerShell_docs_results_under_todays_names()
    {
        // No CPU samples: GetSamplePercent is 0 < 0.7, so totalNodes = 5. The old "$TargetDedicated=5" is today's $TargetDedicatedNodes.
        var evaluation = Evaluate(FormulaCorpus.Read("valid/17-powershell-test-azbatchautoscale.txt"), TestMetrics.Context(TestMetrics.Monday, 1));
        Assert.Equal("$TargetDedicatedNodes=5;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;totalNodes=5", evaluation.Results);
    }

    [Fact]
    public void Rest_docs_lowercase_target_is_a_user_variable()
    {
        // The REST sample echoes "$targetDedicatedNodes=5"; names are case-sensitive here, so it is listed as a user variable.
        var evaluation = Evaluate(FormulaCorpus.Read("valid/16-rest-evaluate-example-lowercase-target.txt"), TestMetrics.Context(TestMetrics.Monday, 1));
        Assert.Equal("$TargetDedicatedNodes=1;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;$targetDedicatedNodes=5;totalNodes=5", evaluation.Results);
    }

    [Fact]
    public void A_fresh_pool_gives_an_empty_sample_vector()
    {
        var evaluation = Evaluate(FormulaCorpus.Read("valid/43-azure-sdk-net-evaluate-getsample-count.txt"), TestMetrics.Context(TestMetrics.Monday));
        Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;myActiveSamples=[]", evaluation.Results);
    }

    [Fact]
    public void A_failed_evaluation_reports_the_pools_targets_and_the_default_option()
    {
        // As the live JS test saw for a failing formula on a pool enabled with $TargetDedicatedNodes=2.
        var evaluation = Evaluate("$NodeDeallocationOption = terminate; $TargetDedicatedNodes = avg($ActiveTasks.GetSample(TimeInterval_Minute * 5, 50));",
            TestMetrics.Context(TestMetrics.Monday, 2));
        Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", evaluation.Results);
        // Column 88 is the "(" after GetSample: 36 characters of the first statement, a space, then 51 before it.
        Assert.Equal("Line 1, Col 88: Insufficient data from data set: $ActiveTasks wanted 50%, received 0%", evaluation.Error!.Detail);
    }
}
