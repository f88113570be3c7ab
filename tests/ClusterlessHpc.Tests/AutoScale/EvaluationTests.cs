using ClusterlessHpc.AutoScale;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>The evaluator's semantics, one ruling or built-in at a time (docs/autoscale.md).</summary>
public class EvaluationTests
{
    private static readonly DateTimeOffset Now = TestMetrics.Monday;

    private static AutoScaleEvaluation Run(string formula, AutoScaleContext? context = null)
    {
        var parsed = AutoScaleFormula.Parse(formula);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        return parsed.Formula!.Evaluate(context ?? TestMetrics.Context(Now));
    }

    // The value the results give the user variable r.
    private static string Value(string expression, AutoScaleContext? context = null)
    {
        var evaluation = Run("r = " + expression + "; $TargetDedicatedNodes = 0;", context);
        Assert.True(evaluation.Succeeded, evaluation.ToString());
        return Assert.Single(evaluation.Variables, v => v.Key == "r").Value;
    }

    private static AutoScaleContext Active(params double[] values) =>
        TestMetrics.Context(Now, 0, 0, ("$ActiveTasks", TestMetrics.Series(Now, TimeSpan.Zero, values)));

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("12 / 4 / 3", "1")]
    [InlineData("-2 * -3", "6")]
    [InlineData("- -2", "2")]
    [InlineData("!0 + !5", "1")]
    [InlineData("!!7", "1")]
    [InlineData("1 < 2 == 1", "1")]
    [InlineData("2 > 1 > 0", "1")]
    [InlineData("1 || 0 && 0", "1")]
    [InlineData("(1 || 0) && 0", "0")]
    [InlineData("0 == 1", "0")]
    [InlineData("1 ? 2 : 0 ? 3 : 4", "2")]
    [InlineData("0 ? 2 : 0 ? 3 : 4", "4")]
    [InlineData("1 / 0", "inf")]
    [InlineData("-1 / 0", "-inf")]
    [InlineData("0 / 0", "nan")]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("600.0 / 7", "85.7143")]
    [InlineData("\"abc\" < \"abd\"", "1")]
    [InlineData("\"B\" < \"a\"", "1")]
    public void Operators_follow_c_precedence_and_ieee_arithmetic(string expression, string expected) => Assert.Equal(expected, Value(expression));

    [Fact]
    public void Logical_operators_and_the_conditional_short_circuit_a_failing_sample_call()
    {
        // No samples at all: the GetSample(..., 50) on the untaken side must not run.
        Assert.Equal("5", Value("1 ? 5 : avg($ActiveTasks.GetSample(TimeInterval_Minute, 50))"));
        Assert.Equal("0", Value("0 && avg($ActiveTasks.GetSample(TimeInterval_Minute, 50))"));
        Assert.Equal("1", Value("1 || avg($ActiveTasks.GetSample(TimeInterval_Minute, 50))"));
        Assert.Equal("InsufficientSampleData", Run("$TargetDedicatedNodes = 1 && avg($ActiveTasks.GetSample(TimeInterval_Minute, 50));").Error!.Code);
    }

    [Theory]
    [InlineData("avg(1, 2, 3, 6)", "3")]
    [InlineData("len(1, 2, 3)", "3")]
    [InlineData("max(1, 7, 3)", "7")]
    [InlineData("min(4, 2, 9)", "2")]
    [InlineData("range(4, 2, 9)", "7")]
    [InlineData("sum(1, 2, 3.5)", "6.5")]
    [InlineData("norm(3, 4)", "5")]
    [InlineData("std(2, 4, 4, 4, 5, 5, 7, 9)", "2.13809")]
    [InlineData("std(5)", "0")]
    [InlineData("lg(8)", "3")]
    [InlineData("ln(1)", "0")]
    [InlineData("log(1000)", "3")]
    [InlineData("log(0)", "-inf")]
    [InlineData("ceil(2.1)", "3")]
    [InlineData("floor(-2.1)", "-3")]
    [InlineData("round(2.5)", "3")]
    [InlineData("round(-2.5)", "-3")]
    [InlineData("round(2.4999)", "2")]
    [InlineData("lg(2, 4)", "[1,2]")]
    [InlineData("ceil(0.5, 1.5)", "[1,2]")]
    public void Functions(string expression, string expected) => Assert.Equal(expected, Value(expression));

    [Fact]
    public void A_doubleVecList_is_any_mix_of_doubles_and_doubleVecs_read_in_order()
    {
        var context = Active(1, 2, 3);
        Assert.Equal("2", Value("avg($ActiveTasks.GetSample(3))", context));
        Assert.Equal("3.25", Value("avg($ActiveTasks.GetSample(3), 7)", context));
        Assert.Equal("[1,2,3]", Value("$ActiveTasks.GetSample(3)", context));
        Assert.Equal("[0,0,1,1.58496,4]", Value("lg(1, $ActiveTasks.GetSample(3), 16)", context));
        Assert.Equal("[0,1,1.58496]", Value("lg($ActiveTasks.GetSample(3))", context));
        Assert.Equal("[3,4,5]", Value("$ActiveTasks.GetSample(3) + 2", context));
        Assert.Equal("[2,4,6]", Value("$ActiveTasks.GetSample(3) * $ActiveTasks.GetSample(3) / $ActiveTasks.GetSample(3) * 2", context));
        Assert.Equal("3", Value("val($ActiveTasks.GetSample(3), 2)", context));
        Assert.Equal("1", Value("val($ActiveTasks.GetSample(3), 0.9)", context));
    }

    [Theory]
    [InlineData(50, "3")]
    [InlineData(0, "1")]
    [InlineData(100, "5")]
    [InlineData(80, "4")]
    public void Percentile_is_the_nearest_rank_on_a_0_to_100_scale(double p, string expected) =>
        Assert.Equal(expected, Value($"percentile($ActiveTasks.GetSample(5), {p})", Active(5, 1, 4, 2, 3)));

    [Theory]
    [InlineData("avg($ActiveTasks.GetSample(1))", "Line 1, Col 8: avg() of an empty list")]
    [InlineData("max($ActiveTasks.GetSample(1))", "Line 1, Col 8: max() of an empty list")]
    [InlineData("val($ActiveTasks.GetSample(1), 0)", "Line 1, Col 8: val() index 0 is outside the vector of 0 elements")]
    [InlineData("percentile($ActiveTasks.GetSample(1), 101)", "Line 1, Col 15: percentile() takes a percentage from 0 to 100, not 101")]
    [InlineData("time(\"\" + \"\")", null)]
    public void Functions_fail_on_what_has_no_answer(string expression, string? detail)
    {
        if (detail is null)
        {
            Assert.False(AutoScaleFormula.Parse("r = " + expression + ";").Succeeded);
            return;
        }
        var evaluation = Run("r = " + expression + "; $TargetDedicatedNodes = 0;");
        Assert.Equal("AutoScalingFormulaEvaluationError", evaluation.Error!.Code);
        Assert.StartsWith(detail, evaluation.Error.Detail);
    }

    [Fact]
    public void Vectors_of_different_lengths_do_not_combine()
    {
        var evaluation = Run("r = $ActiveTasks.GetSample(2) + $ActiveTasks.GetSample(3); $TargetDedicatedNodes = 0;", Active(1, 2, 3));
        Assert.Equal("Line 1, Col 31: the doubleVecs on each side of '+' have different lengths (2 and 3)", evaluation.Error!.Detail);
    }

    [Fact]
    public void Time_values_and_members()
    {
        Assert.Equal("2024-05-06T12:00:00.000Z", Value("time()"));
        Assert.Equal("2024-05-06T06:00:00.000Z", Value("time() + (-6 * TimeInterval_Hour)"));
        Assert.Equal("2024-05-06T12:30:00.000Z", Value("TimeInterval_Minute * 30 + time()"));
        Assert.Equal("2014-10-06T10:20:00.000Z", Value("time(\"Mon, 06 Oct 2014 10:20:00 GMT\")"));
        Assert.Equal("2023-04-14T11:26:49.123Z", Value("time(\"2023-04-14T13:26:49.123456+02:00\")"));
        Assert.Equal("2024-05-06T12:00:00.000Z", Value("time(\"\")"));
        Assert.Equal("1", Value("time().weekday"));
        Assert.Equal("7", Value("time(\"2024-05-05\").weekday"));
        Assert.Equal("2024", Value("time().year"));
        Assert.Equal("5", Value("time().month"));
        Assert.Equal("6", Value("time().day"));
        Assert.Equal("12", Value("time().hour"));
        Assert.Equal("59", Value("time(\"2024-05-06T10:59:58Z\").minute"));
        Assert.Equal("58", Value("time(\"2024-05-06T10:59:58Z\").second"));
        Assert.Equal("1", Value("time() - time(\"2024-05-06T11:00:00Z\") == TimeInterval_Hour"));
        Assert.Equal("1", Value("time() > time(\"2024-05-06\")"));
    }

    [Theory]
    [InlineData("TimeInterval_Minute * 5", "PT5M")]
    [InlineData("TimeInterval_Day + TimeInterval_Hour * 2", "P1DT2H")]
    [InlineData("TimeInterval_Second / 2", "PT0.5S")]
    [InlineData("-TimeInterval_Hour", "-PT1H")]
    [InlineData("TimeInterval_Zero", "PT0S")]
    [InlineData("TimeInterval_100ns", "PT0.0000001S")]
    [InlineData("TimeInterval_Millisecond * 1500", "PT1.5S")]
    [InlineData("TimeInterval_Week", "P7D")]
    [InlineData("TimeInterval_Year", "P365D")]
    [InlineData("TimeInterval_Microsecond * 1000 == TimeInterval_Millisecond", "1")]
    [InlineData("TimeInterval_Hour * 1.5 - TimeInterval_Minute * 30", "PT1H")]
    public void Time_intervals(string expression, string expected) => Assert.Equal(expected, Value(expression));

    [Fact]
    public void Time_arithmetic_out_of_range_fails_instead_of_wrapping()
    {
        var evaluation = Run("r = time() + TimeInterval_Year * 9000; $TargetDedicatedNodes = 0;");
        Assert.Equal("Line 1, Col 12: the timestamp of '+' is outside the years 0001 to 9999", evaluation.Error!.Detail);
        Assert.Contains("out of range", Run("r = TimeInterval_Year * 1000000000000; $TargetDedicatedNodes = 0;").Error!.Detail);
        Assert.Contains("out of range", Run("r = TimeInterval_Year / 0; $TargetDedicatedNodes = 0;").Error!.Detail);
    }

    [Fact]
    public void A_time_string_from_a_variable_is_parsed_at_evaluation()
    {
        var evaluation = Run("s = \"not a time\"; t = time(s); $TargetDedicatedNodes = 0;");
        Assert.Equal("AutoScalingFormulaEvaluationError", evaluation.Error!.Code);
        Assert.StartsWith("Line 1, Col 27: time(\"not a time\") cannot be parsed", evaluation.Error.Detail);
        var parsed = Run("s = \"2014-10-06T10:20:00Z\"; r = time(s); $TargetDedicatedNodes = 0;");
        Assert.Equal("2014-10-06T10:20:00.000Z", parsed.Variables.Single(v => v.Key == "r").Value);
    }

    [Fact]
    public void Targets_read_the_pools_target_until_assigned_then_the_assigned_value()
    {
        var context = TestMetrics.Context(Now, 6, 2);
        var evaluation = Run("a = $TargetDedicatedNodes; $TargetDedicatedNodes = 3.7; b = $TargetDedicatedNodes; c = $TargetDedicated; d = $TargetLowPriorityNodes;", context);
        Assert.Equal("$TargetDedicatedNodes=3;$TargetLowPriorityNodes=2;$NodeDeallocationOption=requeue;a=6;b=3.7;c=6;d=2", evaluation.Results);
    }

    [Fact]
    public void The_full_name_wins_over_its_alias_whatever_the_order()
    {
        Assert.Equal("$TargetDedicatedNodes=4;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue",
            Run("$TargetDedicatedNodes = 4; $TargetDedicated = 9;").Results);
        Assert.Equal("$TargetDedicatedNodes=4;$TargetLowPriorityNodes=1;$NodeDeallocationOption=requeue",
            Run("$TargetDedicated = 9; $TargetDedicatedNodes = 4; $TargetLowPriority = 1.9;").Results);
    }

    [Theory]
    [InlineData("$TargetDedicatedNodes = 0.5;", "$TargetDedicatedNodes=0")]
    [InlineData("$TargetDedicatedNodes = 2.9;", "$TargetDedicatedNodes=2")]
    [InlineData("$TargetDedicatedNodes = 1000000000.9;", "$TargetDedicatedNodes=1000000000")]
    public void Targets_are_truncated(string formula, string expected) => Assert.StartsWith(expected + ";", Run(formula).Results);

    [Theory]
    [InlineData("$TargetDedicatedNodes = -1;", "Line 1, Col 1: $TargetDedicatedNodes must be a node count from 0 to 2147483647, but the formula gives it -1")]
    [InlineData("x = 1;\n$TargetLowPriorityNodes = 0 / 0;", "Line 2, Col 1: $TargetLowPriorityNodes must be a node count")]
    [InlineData("$TargetDedicated = 1 / 0;", "Line 1, Col 1: $TargetDedicated must be a node count from 0 to 2147483647, but the formula gives it inf")]
    public void Targets_that_are_not_node_counts_fail_the_evaluation(string formula, string detail)
    {
        var evaluation = Run(formula, TestMetrics.Context(Now, 3, 1));
        Assert.Equal("AutoScalingFormulaEvaluationError", evaluation.Error!.Code);
        Assert.StartsWith(detail, evaluation.Error.Detail);
        Assert.Equal("$TargetDedicatedNodes=3;$TargetLowPriorityNodes=1;$NodeDeallocationOption=requeue", evaluation.Results);
    }

    [Fact]
    public void Stop_ends_the_evaluation_keeping_what_was_assigned()
    {
        var evaluation = Run("$TargetDedicatedNodes = 2; x = 1; stop(); $TargetDedicatedNodes = 9; y = 2;");
        Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;x=1", evaluation.Results);
        Assert.True(evaluation.Succeeded);
    }

    [Fact]
    public void User_variables_are_listed_once_with_their_last_value_in_ordinal_order()
    {
        var evaluation = Run("b = 1; B = 2; $b = 3; _b = 4; a1 = 5; b = 6; $TargetDedicatedNodes = 0; $NodeDeallocationOption = terminate;");
        Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=terminate;$b=3;B=2;_b=4;a1=5;b=6", evaluation.Results);
    }

    [Fact]
    public void A_variable_can_change_type_between_assignments()
    {
        var evaluation = Run("x = 1; x = time(); y = x.hour; $TargetDedicatedNodes = 0;");
        Assert.Equal("$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;x=2024-05-06T12:00:00.000Z;y=12", evaluation.Results);
    }

    [Fact]
    public void Pool_values_come_from_the_context()
    {
        var context = TestMetrics.Context(Now, 4, 2) with { CurrentDedicatedNodes = 3, CurrentLowPriorityNodes = 1, TaskSlotsPerNode = 8 };
        Assert.Equal("3,3,1,8", Value("$CurrentDedicatedNodes", context) + "," + Value("$CurrentDedicated", context) + "," +
            Value("$CurrentLowPriorityNodes", context) + "," + Value("$TaskSlotsPerNode", context));
    }

    [Fact]
    public void Rand_draws_from_the_contexts_random_source()
    {
        var first = Value("rand()", TestMetrics.Context(Now) with { Random = new Random(42) });
        var again = Value("rand()", TestMetrics.Context(Now) with { Random = new Random(42) });
        Assert.Equal(first, again);
        var value = double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(value, 0, 1);
    }
}
