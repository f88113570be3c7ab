using ClusterlessHpc.AutoScale;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>
/// The formulas and fragments quoted in shared/autoscale-language.md, each evaluated against metrics chosen for it, with
/// the results worked out by hand in the comments. Section numbers refer to that page.
/// </summary>
public class LanguageExamplesTests
{
    private static readonly DateTimeOffset Now = TestMetrics.Monday; // Monday 2024-05-06 12:00:00 UTC

    private static string Results(string formula, AutoScaleContext context)
    {
        var parsed = AutoScaleFormula.Parse(formula);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        var evaluation = parsed.Formula!.Evaluate(context);
        Assert.True(evaluation.Succeeded, evaluation.ToString());
        return evaluation.Results;
    }

    private static AutoScaleContext Pool(int dedicated, int lowPriority, params (string, SampleSeries)[] samples) =>
        TestMetrics.Context(Now, dedicated, lowPriority, samples);

    [Fact]
    public void S1_2_the_cpu_formula_split_over_lines()
    {
        // 10 minutes at 0.9 CPU: min 0.9 > 0.7, so 10 * 1.1 = 11; the hour's average 0.9 is not < 0.2; min(400, 11) = 11.
        const string formula = "$totalDedicatedNodes =\n    (min($CPUPercent.GetSample(TimeInterval_Minute * 10)) > 0.7) ?\n    ($CurrentDedicatedNodes * 1.1) : $CurrentDedicatedNodes;\n$totalDedicatedNodes =\n    (avg($CPUPercent.GetSample(TimeInterval_Minute * 60)) < 0.2) ?\n    ($CurrentDedicatedNodes * 0.9) : $totalDedicatedNodes;\n$TargetDedicatedNodes = min(400, $totalDedicatedNodes)";
        Assert.Equal("$TargetDedicatedNodes=11;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;$totalDedicatedNodes=11",
            Results(formula, Pool(10, 0, ("$CPUPercent", TestMetrics.Constant(Now, 0.9, 120)))));
        // An idle hour (0.1): not > 0.7, keeps 10; then < 0.2, so 10 * 0.9 = 9.
        Assert.Equal("$TargetDedicatedNodes=9;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;$totalDedicatedNodes=9",
            Results(formula, Pool(10, 0, ("$CPUPercent", TestMetrics.Constant(Now, 0.1, 120)))));
    }

    [Fact]
    public void S1_2_tokens_need_no_whitespace()
    {
        // Monday 12:00 is a working weekday hour: 20.
        const string formula = "$CurTime=time();\n$WorkHours=$CurTime.hour>=8 && $CurTime.hour<18;\n$IsWeekday=$CurTime.weekday>=1 && $CurTime.weekday<=5;\n$IsWorkingWeekdayHour=$WorkHours && $IsWeekday;\n$TargetDedicated=$IsWorkingWeekdayHour?20:10;";
        Assert.Equal("$TargetDedicatedNodes=20;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;$CurTime=2024-05-06T12:00:00.000Z;$IsWeekday=1;$IsWorkingWeekdayHour=1;$WorkHours=1",
            Results(formula, Pool(0, 0)));
    }

    [Fact]
    public void S1_2_the_one_line_formula_of_Azure_Batch_issue_40()
    {
        // Last samples: 2 active, 1 running: 3 >= 1 needs compute; 3 > 1, so the limit 1.
        const string formula = "$maxComputeNodeLimit=1;$minCapacity = 0;$LastSampledActiveTasks =$ActiveTasks.GetSample(1);$LastSampledRunningTasks =$RunningTasks.GetSample(1);$RunningAndWaiting = max($LastSampledActiveTasks, 0) + max($LastSampledRunningTasks, 0);$needcompute =$RunningAndWaiting >= 1;$nodesToAllocate =$RunningAndWaiting >$maxComputeNodeLimit ?$maxComputeNodeLimit:$RunningAndWaiting;$TargetDedicated =$needcompute ?$nodesToAllocate:$minCapacity;";
        var context = Pool(0, 0, ("$ActiveTasks", TestMetrics.Series(Now, TimeSpan.Zero, 5, 2)), ("$RunningTasks", TestMetrics.Series(Now, TimeSpan.Zero, 1)));
        Assert.Equal("$TargetDedicatedNodes=1;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;$LastSampledActiveTasks=[2];$LastSampledRunningTasks=[1];$RunningAndWaiting=3;$maxComputeNodeLimit=1;$minCapacity=0;$needcompute=1;$nodesToAllocate=1",
            Results(formula, context));
    }

    [Fact]
    public void S1_4_one_line_formulas_without_a_trailing_semicolon()
    {
        Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", Results("$TargetDedicatedNodes = 0", Pool(5, 0)));
        Assert.Equal("$TargetDedicatedNodes=3;$TargetLowPriorityNodes=2;$NodeDeallocationOption=requeue", Results("$TargetDedicatedNodes=3", Pool(1, 2)));
        Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue",
            Results("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", Pool(4, 4)));
    }

    [Fact]
    public void S1_6_literals_negative_intervals_time_strings_and_boolean_idioms()
    {
        // 12:00 - 6 h = 06:00 (the MDT example of §3); the two documented time strings are 3112 days, 3:06:49.123456 apart.
        const string formula = "$curTime = time() + (-6 * TimeInterval_Hour);\nd = time(\"2023-04-14T13:26:49.123456Z\") - time(\"Mon, 06 Oct 2014 10:20:00 GMT\");\nrebalance = 0 == 1;\nsli = TimeInterval_Second * 600.0;\n$TargetDedicatedNodes = $curTime.hour;";
        Assert.Equal("$TargetDedicatedNodes=6;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;$curTime=2024-05-06T06:00:00.000Z;d=P3112DT3H6M49.123456S;rebalance=0;sli=PT10M",
            Results(formula, Pool(0, 0)));
    }

    [Fact]
    public void S2_precedence_examples()
    {
        // 4 pending tasks, 2 slots: 4 / 2 + 0.9 = 2.9, truncated to 2 (Azure/Batch #151).
        Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue",
            Results("$TargetDedicatedNodes = $PendingTasks / $TaskSlotsPerNode + 0.9", Pool(0, 0, ("$PendingTasks", TestMetrics.Constant(Now, 4, 3))) with { TaskSlotsPerNode = 2 }));
        // Target 3: max(0, 3 / 2) + 0.5 = 2.
        Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;x=2",
            Results("x = max(0, $TargetDedicated/2) + 0.5; $TargetDedicatedNodes = x;", Pool(3, 0)));
        // (16 == 0 || 8 == 0) is false: 2; 1 || 0 && 0 groups as 1 || (0 && 0).
        Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=1;$NodeDeallocationOption=requeue;maxTargetDedicated=16;maxTargetLowPriority=8",
            Results("maxTargetDedicated = 16; maxTargetLowPriority = 8; $TargetDedicatedNodes = (maxTargetDedicated == 0 || maxTargetLowPriority == 0) ? 1 : 2; $TargetLowPriorityNodes = 1 || 0 && 0;", Pool(0, 0)));
    }

    [Fact]
    public void S2_the_pending_task_formula_and_its_sparse_variant()
    {
        // Six samples of 5 in 180 s: 100 %, average 5, min(25, 5) = 5.
        const string formula = "startingNumberOfVMs = 1;\nmaxNumberofVMs = 25;\npendingTaskSamplePercent = $PendingTasks.GetSamplePercent(180 * TimeInterval_Second);\npendingTaskSamples = pendingTaskSamplePercent < 70 ? startingNumberOfVMs : avg($PendingTasks.GetSample(180 * TimeInterval_Second));\n$TargetDedicatedNodes=min(maxNumberofVMs, pendingTaskSamples);\n$NodeDeallocationOption = taskcompletion;";
        Assert.Equal("$TargetDedicatedNodes=5;$TargetLowPriorityNodes=0;$NodeDeallocationOption=taskcompletion;maxNumberofVMs=25;pendingTaskSamplePercent=100;pendingTaskSamples=5;startingNumberOfVMs=1",
            Results(formula, Pool(0, 0, ("$PendingTasks", TestMetrics.Constant(Now, 5, 6)))));
        // Two samples of the six: 33.3333 % < 70, so the starting size 1.
        Assert.Equal("$TargetDedicatedNodes=1;$TargetLowPriorityNodes=0;$NodeDeallocationOption=taskcompletion;maxNumberofVMs=25;pendingTaskSamplePercent=33.3333;pendingTaskSamples=1;startingNumberOfVMs=1",
            Results(formula, Pool(0, 0, ("$PendingTasks", TestMetrics.Constant(Now, 5, 2)))));
    }

    [Fact]
    public void S2_the_task_based_example_halves_the_target_when_idle()
    {
        // 15 minutes of 0 pending tasks: $tasks = 0, so max(0, 4 / 2) = 2.
        const string formula = "$samples = $PendingTasks.GetSamplePercent(TimeInterval_Minute * 15);\n$tasks = $samples < 70 ? max(0,$PendingTasks.GetSample(1)) : max( $PendingTasks.GetSample(1), avg($PendingTasks.GetSample(TimeInterval_Minute * 15)));\n$targetVMs = $tasks > 0? $tasks:max(0, $TargetDedicatedNodes/2);\n$TargetDedicatedNodes = max(0, min($targetVMs, 20));\n$NodeDeallocationOption = taskcompletion;";
        Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=taskcompletion;$samples=100;$targetVMs=2;$tasks=0",
            Results(formula, Pool(4, 0, ("$PendingTasks", TestMetrics.Constant(Now, 0, 30)))));
    }

    [Fact]
    public void S2_nested_conditionals_of_the_initial_pool_size_example()
    {
        // 2014 to Monday 2024-05-06 12:00 is 3500 days 1 h 40 min > 10 min; no task in the hour: 0. With tasks: the target 4.
        const string formula = "$TargetDedicatedNodes = 4;\nlifespan         = time() - time(\"Mon, 06 Oct 2014 10:20:00 GMT\");\nspan             = TimeInterval_Minute * 60;\nstartup          = TimeInterval_Minute * 10;\nratio            = 50;\n\n$TargetDedicatedNodes = (lifespan > startup ? (max($RunningTasks.GetSample(span, ratio), $ActiveTasks.GetSample(span, ratio)) == 0 ? 0 : $TargetDedicatedNodes) : 4);";
        var idle = Pool(2, 0, ("$RunningTasks", TestMetrics.Constant(Now, 0, 120)), ("$ActiveTasks", TestMetrics.Constant(Now, 0, 120)));
        Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;lifespan=P3500DT1H40M;ratio=50;span=PT1H;startup=PT10M", Results(formula, idle));
        var busy = Pool(2, 0, ("$RunningTasks", TestMetrics.Constant(Now, 0, 120)), ("$ActiveTasks", TestMetrics.Constant(Now, 3, 120)));
        Assert.StartsWith("$TargetDedicatedNodes=4;", Results(formula, busy));
    }

    [Fact]
    public void S3_2_metrics_used_as_scalars_and_vectors_in_aggregates()
    {
        // max(0, 7) = 7 (the last pending sample); min(25, [3,4,5,4,3,2]) = 2 and 25 - 2 = 23 low-priority.
        Assert.Equal("$TargetDedicatedNodes=7;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue",
            Results("$TargetDedicatedNodes = max(0, $PendingTasks);", Pool(0, 0, ("$PendingTasks", TestMetrics.Series(Now, TimeSpan.Zero, 2, 7)))));
        const string preempted = "maxNumberofVMs = 25;\n$TargetDedicatedNodes = min(maxNumberofVMs, $PreemptedNodeCount.GetSample(180 * TimeInterval_Second));\n$TargetLowPriorityNodes = min(maxNumberofVMs , maxNumberofVMs - $TargetDedicatedNodes);\n$NodeDeallocationOption = taskcompletion;";
        Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=23;$NodeDeallocationOption=taskcompletion;maxNumberofVMs=25",
            Results(preempted, Pool(0, 0, ("$PreemptedNodeCount", TestMetrics.Series(Now, TimeSpan.Zero, 3, 4, 5, 4, 3, 2)))));
    }

    [Fact]
    public void S3_2_vectors_assigned_to_user_variables_print_as_lists()
    {
        // The window 120 s to 60 s ago holds the samples of 90 s and 60 s ago: 2 of 2 expected, 100 % >= 75.
        Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;$runningTasksSample=[1,1]",
            Results("$runningTasksSample = $RunningTasks.GetSample(60 * TimeInterval_Second, 120 * TimeInterval_Second, 75);", Pool(0, 0, ("$RunningTasks", TestMetrics.Constant(Now, 1, 10)))));
        Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;myActiveSamples=[0,1,2,3,4]",
            Results("myActiveSamples=$ActiveTasks.GetSample(5);", Pool(0, 0, ("$ActiveTasks", TestMetrics.Series(Now, TimeSpan.Zero, 9, 0, 1, 2, 3, 4)))));
    }

    [Fact]
    public void S3_2_a_sample_count_as_a_condition()
    {
        // A fresh pool has no samples: Count() is 0, so 1.
        Assert.Equal("$TargetDedicatedNodes=1;$TargetLowPriorityNodes=0;$NodeDeallocationOption=retaineddata",
            Results("$NodeDeallocationOption = retaineddata; $TargetDedicatedNodes = ($PendingTasks.Count() ? 0 : 1);", Pool(0, 0)));
    }

    [Fact]
    public void S5_2_a_doubleVecList_flattens_its_arguments()
    {
        // v = [1,2,3]: avg(v) = avg(1,2,3) = 2; avg(v, 7) = avg(1,2,3,7) = 13 / 4 = 3.25.
        Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;a=2;b=2;c=3.25;d=3.25;v=[1,2,3]",
            Results("v = $ActiveTasks.GetSample(3); a = avg(v); b = avg(1, 2, 3); c = avg(v, 7); d = avg(1, 2, 3, 7); $TargetDedicatedNodes = 0;",
                Pool(0, 0, ("$ActiveTasks", TestMetrics.Series(Now, TimeSpan.Zero, 1, 2, 3)))));
    }

    [Fact]
    public void S5_2_two_doubles_make_a_doubleVecList()
    {
        // 19 samples of 10 then a last 0: the 10-minute average is 9.5 > 0, so avg(0, 9.5) = 4.75.
        const string formula = "lastsample = val($ActiveTasks.GetSample(1), 0);\nsamplevecavg = avg($ActiveTasks.GetSample(TimeInterval_Second * 600.0));\nActiveTaskAvg = lastsample < samplevecavg ? avg(lastsample, samplevecavg) : max(lastsample, samplevecavg);\n$TargetDedicatedNodes = ActiveTaskAvg;";
        var values = Enumerable.Repeat(10.0, 19).Append(0).ToArray();
        Assert.Equal("$TargetDedicatedNodes=4;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;ActiveTaskAvg=4.75;lastsample=0;samplevecavg=9.5",
            Results(formula, Pool(0, 0, ("$ActiveTasks", TestMetrics.Series(Now, TimeSpan.Zero, values)))));
    }

    [Fact]
    public void S6_sample_ranges_in_either_order_and_the_95_80_percent_example()
    {
        // 1 to 6 minutes ago holds 10 samples of 2; the same window written the other way round.
        var context = Pool(0, 0, ("$CPUPercent", TestMetrics.Constant(Now, 2, 40, TimeSpan.FromMinutes(1))));
        Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;n=10",
            Results("n = len($CPUPercent.GetSample(1 * TimeInterval_Minute, 6 * TimeInterval_Minute)); $TargetDedicatedNodes = avg($CPUPercent.GetSample(6 * TimeInterval_Minute, 1 * TimeInterval_Minute));", context));
        // A minute late, 18 of the 20 samples of 10 minutes are there: 90 %, so 80 succeeds.
        Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue",
            Results("$TargetDedicatedNodes = avg($CPUPercent.GetSample(TimeInterval_Minute * 10, 80));", context));
    }

    [Fact]
    public void S9_1_the_documented_error_message_with_its_position()
    {
        // Line 15, column 44 is the '(' of GetSample; 10 of the 20 samples of 10 minutes: 50 % < 70 %.
        var formula = string.Concat(Enumerable.Repeat("// a comment line\n", 14)) + "$tasksSamples = avg($RunningTasks.GetSample(TimeInterval_Minute * 10, 70));\n$TargetDedicatedNodes = $tasksSamples;";
        var context = Pool(3, 0, ("$RunningTasks", TestMetrics.Constant(Now, 1, 10)));
        var evaluation = AutoScaleFormula.Parse(formula).Formula!.Evaluate(context);
        Assert.Equal("InsufficientSampleData", evaluation.Error!.Code);
        Assert.Equal("Line 15, Col 44: Insufficient data from data set: $RunningTasks wanted 70%, received 50%", evaluation.Error.Detail);
        Assert.Equal((15, 44), (evaluation.Error.Line, evaluation.Error.Column));
    }

    [Fact]
    public void S4_2_the_shipyard_pending_tasks_formula_by_hand()
    {
        // 30 pending tasks for 10 minutes, 2 dedicated and 1 low-priority nodes now.
        // reqVMs = 30 - 4 - 8 = 18; 18 / 2 = 9 dedicated, capped by min(2 + 4, 16) = 6; the other 12 give max(8, min(12, 8)) = 8 low-priority.
        var formula = FormulaCorpus.Read("valid/29-batch-shipyard-pending-tasks-generated.txt");
        var context = Pool(2, 1, ("$PendingTasks", TestMetrics.Constant(Now, 30, 20)));
        Assert.Equal("$TargetDedicatedNodes=6;$TargetLowPriorityNodes=8;$NodeDeallocationOption=taskcompletion;PendingTaskAvg=30;dedicatedVMs=6;divisor=2;lowPriVMs=8;maxDedicatedVMs=6;maxIncDedicated=4;maxIncLowPriority=1.67772e+07;maxLowPriVMs=8;maxTargetDedicated=16;maxTargetLowPriority=8;maxTasksPerNode=1;minTargetDedicated=4;minTargetLowPriority=8;preemptcount=0;rebalance=0;redistVMs=0;remainingVMs=12;reqVMs=18;sli=PT10M",
            Results(formula, context));
    }
}
