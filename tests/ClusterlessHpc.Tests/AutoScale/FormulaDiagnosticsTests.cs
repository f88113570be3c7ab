using ClusterlessHpc.AutoScale.Language;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>Each compile-time rule: its id, the exact offending text of its span, and a message that names it.</summary>
public class FormulaDiagnosticsTests
{
    private static FormulaDiagnostic SingleError(string formula)
    {
        var errors = FormulaChecker.Check(formula).Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 1, "expected one error, got: " + string.Join("\n", errors));
        return errors[0];
    }

    private static void AssertError(string formula, string id, string offending, string message)
    {
        var error = SingleError(formula);
        Assert.Equal(id, error.Rule.Id);
        Assert.Equal(offending, formula.Substring(error.Start, error.Length));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("$a = 1\n$TargetDedicatedNodes = 2;", "$TargetDedicatedNodes", "missing ';' before '$TargetDedicatedNodes'")]
    [InlineData("$TargetDedicatedNodes = (1 + 2;", ";", "expected ')' to match the '('")]
    [InlineData("$TargetDedicatedNodes = 1 ? 2;", ";", "expected ':' of the conditional")]
    [InlineData("$TargetDedicatedNodes = 1 +;", ";", "expected a value, found ';'")]
    [InlineData("$TargetDedicatedNodes = 1;;", ";", "empty statement")]
    [InlineData("$TargetDedicatedNodes = 1e3;", "1e3", "'1e3' is not a number")]
    [InlineData("$TargetDedicatedNodes = .5;", ".5", "'.5' is not a number")]
    [InlineData("$TargetDedicatedNodes = 5.;", "5.", "'5.' is not a number")]
    [InlineData("$TargetDedicatedNodes = 10 % 3;", "%", "unexpected character '%'")]
    [InlineData("$TargetDedicatedNodes = 1 & 1;", "&", "'&&'")]
    [InlineData("$TargetDedicatedNodes = 1 | 1;", "|", "'||'")]
    [InlineData("t = time('Mon');", "'Mon'", "''Mon'' is not allowed: strings use double quotes")]
    [InlineData("t = time(\"Mon);", "\"Mon);", "no closing '\"'")]
    [InlineData("/* note */ $TargetDedicatedNodes = 1;", "/* note */", "block comment")]
    [InlineData("# note\n$TargetDedicatedNodes = 1;", "#", "unexpected character '#'")]
    [InlineData("$ = 1;", "$", "'$' must be followed by a variable name")]
    [InlineData("$a = $b = 1;", "=", "'a = b = c' is not allowed")]
    [InlineData("(x) = 1;", "=", "only a variable name can stand before '='")]
    [InlineData("$TargetDedicatedNodes = time().;", ";", "expected a member or method name after '.'")]
    [InlineData("// only a comment", "", "the formula has no statements")]
    [InlineData("$TargetDedicatedNodes = max(1, 2", "", "expected ')' to close the call of 'max', found the end of the formula")]
    [InlineData("$TargetDedicatedNodes = 1 2;", "2", "missing ';' before '2'")]
    [InlineData("$TargetDedicatedNodes = 1 );", ")", "unexpected ')'")]
    public void Syntax_errors(string formula, string offending, string message) => AssertError(formula, "CHPC1001", offending, message);

    [Fact]
    public void A_comment_at_the_end_of_a_code_line_and_crlf_lines_are_fine() =>
        Assert.Empty(FormulaChecker.Check("$a = 1; // note; with $x == (\r\n$TargetDedicatedNodes = $a; // last\r\n"));

    [Fact]
    public void Each_statement_reports_its_own_syntax_error()
    {
        var errors = FormulaChecker.Check("$a = (1;\n$b = 1 +;\n$TargetDedicatedNodes = 1;");
        Assert.Equal([(1, 8), (2, 9)], errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_a_syntax_error_not_a_crash()
    {
        var deep = "$TargetDedicatedNodes = " + new string('(', 3000) + "1" + new string(')', 3000) + ";";
        Assert.Contains("nested more than 128 levels", SingleError(deep).Message);
        var chain = "$TargetDedicatedNodes = 1" + string.Concat(Enumerable.Repeat(" + 1", 300)) + ";";
        Assert.Contains("nested more than 128 levels", SingleError(chain).Message);
        var unary = "$TargetDedicatedNodes = " + new string('-', 3000) + "1;";
        Assert.Contains("nested more than 128 levels", SingleError(unary).Message);
        Assert.Empty(FormulaChecker.Check("$TargetDedicatedNodes = 1" + string.Concat(Enumerable.Repeat(" + 1", 100)) + ";"));
    }

    [Theory]
    [InlineData("$TargetDedicatedNodes = $PendingTaskSlots;", "$PendingTaskSlots", "Unknown variable '$PendingTaskSlots'")]
    [InlineData("$TargetDedicatedNodes = $cpuPercent;", "$cpuPercent", "did you mean '$CPUPercent'?")]
    [InlineData("$TargetDedicatedNodes = $UsableNodeCount;", "$UsableNodeCount", "'$UsableNodeCount'")]
    [InlineData("$TargetDedicatedNodes = TimeInterval_Minutes;", "TimeInterval_Minutes", "did you mean 'TimeInterval_Minute'?")]
    [InlineData("$TargetDedicatedNodes = max;", "max", "'max' is a function")]
    [InlineData("x = 1; $TargetDedicatedNodes = X;", "X", "did you mean 'x'?")]
    [InlineData("$TargetDedicatedNodes = $x.GetSample(1);", "$x", "Unknown variable '$x'")]
    public void Unknown_variables(string formula, string offending, string message) => AssertError(formula, "CHPC1002", offending, message);

    [Theory]
    [InlineData("$TargetDedicatedNodes = Max(1, 2);", "Max", "Unknown function 'Max' (did you mean 'max'?)")]
    [InlineData("$TargetDedicatedNodes = sum2(1);", "sum2", "'sum2'")]
    [InlineData("$TargetDedicatedNodes = GetSample(1);", "GetSample", "call it on a variable")]
    [InlineData("$TargetDedicatedNodes = vec(1, 2);", "vec", "Unknown function 'vec'")]
    public void Unknown_functions(string formula, string offending, string message) => AssertError(formula, "CHPC1003", offending, message);

    [Theory]
    [InlineData("$TargetDedicatedNodes = max($ActiveTasks.getSample(1));", "getSample", "Unknown method 'getSample' on '$ActiveTasks'")]
    [InlineData("$TargetDedicatedNodes = $ActiveTasks.GetSample(1).Sum();", "Sum", "on '$ActiveTasks.GetSample(1)'")]
    [InlineData("$TargetDedicatedNodes = $ActiveTasks.Average();", "Average", "'Average'")]
    public void Unknown_methods(string formula, string offending, string message) => AssertError(formula, "CHPC1004", offending, message);

    [Theory]
    [InlineData("t = time(); $TargetDedicatedNodes = t.hours;", "hours", "Unknown member 'hours' in 't.hours'")]
    [InlineData("$TargetDedicatedNodes = time().Weekday;", "Weekday", "did you mean 'weekday'?")]
    [InlineData("$TargetDedicatedNodes = max($ActiveTasks.GetSample);", "GetSample", "call it with parentheses")]
    public void Unknown_members(string formula, string offending, string message) => AssertError(formula, "CHPC1005", offending, message);

    [Theory]
    [InlineData("$TargetDedicatedNodes = n;\nn = 2;", "n", "'n' is read before it is assigned (its first assignment is at line 2, column 1)")]
    [InlineData("total = total + 1; $TargetDedicatedNodes = total;", "total", "this statement is its first assignment")]
    public void Reads_before_assignment(string formula, string offending, string message) => AssertError(formula, "CHPC1006", offending, message);

    [Theory]
    [InlineData("t = time() + 5; $TargetDedicatedNodes = 1;", "time() + 5", "'+' cannot be applied to a timestamp and a double")]
    [InlineData("t = -time(); $TargetDedicatedNodes = 1;", "-time()", "unary '-' takes a double or a timeinterval, but 'time()' is a timestamp")]
    [InlineData("i = TimeInterval_Hour + 5; $TargetDedicatedNodes = 1;", "TimeInterval_Hour + 5", "5 * TimeInterval_Minute")]
    [InlineData("t = time() - TimeInterval_Hour; $TargetDedicatedNodes = 1;", "time() - TimeInterval_Hour", "t + (-1 * TimeInterval_Hour)")]
    [InlineData("v = 2 * $CPUPercent.GetSample(5); $TargetDedicatedNodes = 1;", "2 * $CPUPercent.GetSample(5)", "write the doubleVec first")]
    [InlineData("$TargetDedicatedNodes = $CPUPercent.GetSample(5);", "$TargetDedicatedNodes = $CPUPercent.GetSample(5)", "'$TargetDedicatedNodes' takes a double, but '$CPUPercent.GetSample(5)' is a doubleVec")]
    [InlineData("$TargetDedicatedNodes = 1 > 0 ? 5 : $CPUPercent.GetSample(1);", "1 > 0 ? 5 : $CPUPercent.GetSample(1)", "must have the same type, but they are a double and a doubleVec")]
    [InlineData("$TargetDedicatedNodes = time() ? 1 : 2;", "time()", "the condition of '?:' must be a double")]
    [InlineData("$TargetDedicatedNodes = $CPUPercent.GetSample(5) > 1;", "$CPUPercent.GetSample(5) > 1", "'>' cannot be applied to a doubleVec and a double")]
    [InlineData("$TargetDedicatedNodes = \"a\" + \"b\";", "\"a\" + \"b\"", "'+' cannot be applied to a string and a string")]
    [InlineData("$TargetDedicatedNodes = max(1, time());", "time()", "argument 2 of 'max' is a timestamp")]
    [InlineData("$TargetDedicatedNodes = val(3, 0);", "3", "argument 1 of 'val' must be a doubleVec, not a double")]
    [InlineData("$TargetDedicatedNodes = time(5).hour;", "5", "argument 1 of 'time' must be a string")]
    [InlineData("$TargetDedicatedNodes = $CPUPercent.hour;", "$CPUPercent.hour", "'.hour' needs a timestamp, but '$CPUPercent' is a double")]
    [InlineData("x = stop(); $TargetDedicatedNodes = 1;", "x = stop()", "has no value to assign")]
    [InlineData("$TargetDedicatedNodes = max($ActiveTasks.GetSample(\"5\"));", "\"5\"", "GetSample takes a sample count (double) or a start time")]
    [InlineData("$TargetDedicatedNodes = $ActiveTasks.GetSamplePercent(5);", "5", "the start time of GetSamplePercent must be a timestamp or a timeinterval")]
    [InlineData("$TargetDedicatedNodes = TimeInterval_Hour / TimeInterval_Minute;", "TimeInterval_Hour / TimeInterval_Minute", "'/' cannot be applied to a timeinterval and a timeinterval")]
    public void Type_errors(string formula, string offending, string message) => AssertError(formula, "CHPC1007", offending, message);

    [Theory]
    [InlineData("$TargetDedicatedNodes = val($ActiveTasks.GetSample(5));", "val($ActiveTasks.GetSample(5))", "'val' takes 2 arguments, but 1 was given in 'val($ActiveTasks.GetSample(5))'")]
    [InlineData("$TargetDedicatedNodes = rand(1);", "rand(1)", "'rand' takes no arguments, but 1 was given")]
    [InlineData("$TargetDedicatedNodes = avg();", "avg()", "'avg' takes at least 1 argument, but 0 were given")]
    [InlineData("$TargetDedicatedNodes = max($ActiveTasks.GetSample());", "$ActiveTasks.GetSample()", "'GetSample' takes 1 to 3 arguments, but 0 were given")]
    [InlineData("$TargetDedicatedNodes = $ActiveTasks.Count(5);", "$ActiveTasks.Count(5)", "'Count' takes no arguments")]
    [InlineData("t = time(\"\", \"\"); $TargetDedicatedNodes = 1;", "time(\"\", \"\")", "'time' takes 0 to 1 argument, but 2 were given")]
    public void Argument_counts(string formula, string offending, string message) => AssertError(formula, "CHPC1008", offending, message);

    [Theory]
    [InlineData("$CPUPercent = 5; $TargetDedicatedNodes = 1;", "$CPUPercent", "Cannot assign '$CPUPercent': it is a read-only system variable")]
    [InlineData("$CurrentDedicated = 5; $TargetDedicatedNodes = 1;", "$CurrentDedicated", "read-only system variable")]
    [InlineData("$TaskSlotsPerNode = 5; $TargetDedicatedNodes = 1;", "$TaskSlotsPerNode", "read-only system variable")]
    [InlineData("TimeInterval_Minute = 5; $TargetDedicatedNodes = 1;", "TimeInterval_Minute", "built-in time interval constant")]
    [InlineData("requeue = 5; $TargetDedicatedNodes = 1;", "requeue", "$NodeDeallocationOption keyword")]
    [InlineData("max = 5; $TargetDedicatedNodes = 1;", "max", "name of a built-in function")]
    public void Read_only_assignments(string formula, string offending, string message) => AssertError(formula, "CHPC1009", offending, message);

    [Theory]
    [InlineData("$TargetDedicatedNodes = 1; $NodeDeallocationOption = retaindata;", "retaindata", "'retaindata' is not a deallocation keyword: $NodeDeallocationOption takes one of the bare words requeue, terminate, taskcompletion or retaineddata (did you mean 'retaineddata'?)")]
    [InlineData("$TargetDedicatedNodes = 1; $NodeDeallocationOption = \"requeue\";", "\"requeue\"", "the string \"requeue\" is not a bare word")]
    [InlineData("$TargetDedicatedNodes = 1; $NodeDeallocationOption = 1;", "1", "'1' is not a deallocation keyword")]
    [InlineData("$TargetDedicatedNodes = 1; $NodeDeallocationOption = Requeue;", "Requeue", "did you mean 'requeue'?")]
    [InlineData("$TargetDedicatedNodes = $NodeDeallocationOption;", "$NodeDeallocationOption", "'$NodeDeallocationOption' cannot be read")]
    [InlineData("$TargetDedicatedNodes = requeue;", "requeue", "'requeue' is a keyword with no value")]
    public void Node_deallocation_options(string formula, string offending, string message) => AssertError(formula, "CHPC1010", offending, message);

    [Theory]
    [InlineData("v = 1; $TargetDedicatedNodes = max(v.GetSample(1));", "v", "'v' has no samples, so 'GetSample' cannot be called on it: it is a user variable")]
    [InlineData("$TargetDedicatedNodes = max($TargetDedicatedNodes.GetSample(1));", "$TargetDedicatedNodes", "written by the formula")]
    [InlineData("$TargetDedicatedNodes = $TaskSlotsPerNode.Count();", "$TaskSlotsPerNode", "a setting of the pool")]
    [InlineData("$TargetDedicatedNodes = max(time().GetSample(1));", "time()", "not on a timestamp expression")]
    [InlineData("$TargetDedicatedNodes = TimeInterval_Hour.Count();", "TimeInterval_Hour", "it is a constant")]
    public void Sample_methods_need_samples(string formula, string offending, string message) => AssertError(formula, "CHPC1011", offending, message);

    [Theory]
    [InlineData("t = time(\"2023-04-14T13:26:49.1234567Z\"); $TargetDedicatedNodes = 1;", "\"2023-04-14T13:26:49.1234567Z\"", "7 fractional-second digits")]
    [InlineData("t = time(\"2023-04-14T13:26:49\"); $TargetDedicatedNodes = 1;", "\"2023-04-14T13:26:49\"", "no time zone")]
    [InlineData("t = time(\"Tue, 06 Oct 2014 10:20:00 GMT\"); $TargetDedicatedNodes = 1;", "\"Tue, 06 Oct 2014 10:20:00 GMT\"", "the day is a Mon, not a Tue")]
    [InlineData("t = time(\"Mon, 06 Oct 2014 10:20:00 UTC\"); $TargetDedicatedNodes = 1;", "\"Mon, 06 Oct 2014 10:20:00 UTC\"", "must end with GMT")]
    [InlineData("t = time(\"yesterday\"); $TargetDedicatedNodes = 1;", "\"yesterday\"", "time(\"yesterday\") cannot be parsed")]
    [InlineData("t = time(\"2023-02-30\"); $TargetDedicatedNodes = 1;", "\"2023-02-30\"", "the day 30 does not exist")]
    public void Constant_time_strings(string formula, string offending, string message) => AssertError(formula, "CHPC1012", offending, message);

    [Fact]
    public void Formulas_longer_than_8192_characters()
    {
        var ok = "$TargetDedicatedNodes = 1;" + new string(' ', 8192 - 26);
        Assert.Equal(8192, ok.Length);
        Assert.Empty(FormulaChecker.Check(ok));
        AssertError(ok + "//", "CHPC1013", "//", "has 8194 characters; Batch accepts at most 8192");
    }

    [Fact]
    public void Formulas_with_more_than_100_statements()
    {
        var hundred = string.Concat(Enumerable.Range(0, 99).Select(i => $"a{i} = {i};")) + "$TargetDedicatedNodes = 1;";
        Assert.Empty(FormulaChecker.Check(hundred));
        AssertError(hundred + " extra = 1", "CHPC1014", "extra = 1", "has 101 statements; Batch accepts at most 100 (the 101st starts with 'extra = 1')");
    }

    [Fact]
    public void Past_100_problems_one_CHPC1016_stands_for_the_rest()
    {
        // A valid statement, then 150 stray characters: each is its own error.
        const string valid = "$TargetDedicatedNodes = 1;\n";
        var formula = valid + new string('#', 150);
        var diagnostics = FormulaChecker.Check(formula);

        Assert.Equal(FormulaChecker.MaxReportedProblems + 1, diagnostics.Count);
        Assert.Equal(Enumerable.Range(valid.Length, 100), diagnostics.Take(100).Select(d => d.Start));
        Assert.All(diagnostics.Take(100), d => Assert.Equal("CHPC1001", d.Rule.Id));
        var summary = diagnostics[^1];
        Assert.Equal("CHPC1016", summary.Rule.Id);
        Assert.True(summary.IsError);
        Assert.Equal("#", formula.Substring(summary.Start, summary.Length));
        Assert.Equal((2, 101), (summary.Line, summary.Column));
        Assert.Equal("The autoscale formula has 150 problems; the first 100 are reported and the rest start here", summary.Message);
    }

    [Fact]
    public void Rules_about_the_whole_formula_are_reported_past_the_cap_and_not_counted()
    {
        // No target, 150 stray characters, and too long: CHPC1013 sits at character 8192, far past the 100th problem.
        var formula = new string('#', 150) + new string(' ', 8100);
        var diagnostics = FormulaChecker.Check(formula);

        Assert.Equal(["CHPC1001", "CHPC1013", "CHPC1015", "CHPC1016"], diagnostics.Select(d => d.Rule.Id).Distinct().Order());
        Assert.Equal(100, diagnostics.Count(d => d.Rule.Id == "CHPC1001"));
        Assert.Equal(8192, Assert.Single(diagnostics, d => d.Rule.Id == "CHPC1013").Start);
        Assert.Contains("has 150 problems", Assert.Single(diagnostics, d => d.Rule.Id == "CHPC1016").Message);
        Assert.Equal(diagnostics.OrderBy(d => d.Start).Select(d => d.Start), diagnostics.Select(d => d.Start));
    }

    [Fact]
    public void Exactly_100_problems_are_all_reported_without_a_summary()
    {
        var diagnostics = FormulaChecker.Check("$TargetDedicatedNodes = 1;\n" + new string('#', 100));
        Assert.Equal(100, diagnostics.Count);
        Assert.DoesNotContain(diagnostics, d => d.Rule.Id == "CHPC1016");
    }

    [Fact]
    public void Diagnostics_carry_lines_and_columns_of_their_start()
    {
        var error = SingleError("$a = 1;\r\n  $b = $a +\n    $zz;\r$TargetDedicatedNodes = $b;");
        Assert.Equal((3, 5), (error.Line, error.Column));
        Assert.Equal("(3,5): error CHPC1002: Unknown variable '$zz': it is not a system variable and the formula never assigns it", error.ToString());
    }

    [Fact]
    public void The_message_arguments_rebuild_the_message_from_the_catalogue_format()
    {
        var error = SingleError("$TargetDedicatedNodes = Max(1);");
        Assert.Equal(error.Message, string.Format(System.Globalization.CultureInfo.InvariantCulture, error.Rule.MessageFormat, error.MessageArgs));
    }
}
