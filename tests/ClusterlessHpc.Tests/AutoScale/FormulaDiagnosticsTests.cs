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
    [InlineData("$a = 1\n$TargetDedicatedNodes = 2;", "$TargetDedicatedNodes", "Expected ';' before '$TargetDedicatedNodes': the statement before it is complete, and a line break does not end a statement")]
    [InlineData("$TargetDedicatedNodes = 1 2;", "2", "Expected ';' before '2'")]
    [InlineData("$TargetDedicatedNodes = 1 );", ")", "Expected ';' before ')'")]
    [InlineData("$TargetDedicatedNodes = max(1, 2) , 3;", ",", "Expected ';' before ','")]
    public void A_missing_semicolon_keeps_CHPC1001(string formula, string offending, string message) => AssertError(formula, "CHPC1001", offending, message);

    [Theory]
    [InlineData("/* note */ $TargetDedicatedNodes = 1;", "CHPC1017", "/* note */", "Block comment '/* note */' is not supported: the formula language has only '//' comments")]
    [InlineData("$TargetDedicatedNodes = 1; /* unclosed", "CHPC1017", "/* unclosed", "Block comment '/* unclosed' is not supported")]
    [InlineData("$TargetDedicatedNodes = 10 % 3;", "CHPC1018", "%", "Unexpected character '%': outside a string or a '//' comment")]
    [InlineData("# note\n$TargetDedicatedNodes = 1;", "CHPC1018", "#", "Unexpected character '#'")]
    [InlineData("$TargetDedicatedNodes = 1\u00a0+ 1;", "CHPC1018", "\u00a0", "Unexpected character 'U+00A0'")]
    [InlineData("t = time(\\\"2014-10-06T10:20:00Z\\\"); $TargetDedicatedNodes = 1;", "CHPC1019", "\\", "'\\\"' is not allowed: a formula has no escape sequences")]
    [InlineData("$TargetDedicatedNodes = 1 \\", "CHPC1019", "\\", "'\\' is not allowed")]
    [InlineData("$TargetDedicatedNodes = {maxNodes};", "CHPC1020", "{maxNodes}", "'{maxNodes}' is not allowed: a formula has no braces (was a placeholder left in the formula")]
    [InlineData("$TargetDedicatedNodes = {maxNodes;", "CHPC1020", "{", "'{' is not allowed")]
    [InlineData("$TargetDedicatedNodes = 1 }", "CHPC1020", "}", "'}' is not allowed")]
    [InlineData("$TargetDedicatedNodes = 1 & 1;", "CHPC1021", "&", "'&' is not an operator: the logical and is '&&'")]
    [InlineData("$TargetDedicatedNodes = 1 | 1;", "CHPC1021", "|", "'|' is not an operator: the logical or is '||'")]
    [InlineData("t = time('Mon'); $TargetDedicatedNodes = 1;", "CHPC1022", "'Mon'", "'Mon' is not a string: strings use double quotes, as in \"Mon\"")]
    [InlineData("$TargetDedicatedNodes = 1; t = time('Mon", "CHPC1022", "'Mon", "'Mon is not a string: strings use double quotes, as in \"Mon\"")]
    [InlineData("t = time(\"Mon);", "CHPC1023", "\"Mon);", "The string \"Mon); has no closing '\"' on its line")]
    [InlineData("$TargetDedicatedNodes = 1e3;", "CHPC1024", "1e3", "'1e3' is not a number: write digits with an optional fraction")]
    [InlineData("$TargetDedicatedNodes = .5;", "CHPC1024", ".5", "'.5' is not a number")]
    [InlineData("$TargetDedicatedNodes = 5.;", "CHPC1024", "5.", "'5.' is not a number")]
    [InlineData("$TargetDedicatedNodes = 1.2.3;", "CHPC1024", "1.2.3", "'1.2.3' is not a number")]
    [InlineData("$ = 1; $TargetDedicatedNodes = 1;", "CHPC1025", "$", "'$' is not a variable name: after '$' comes a name that starts with a letter or '_'")]
    [InlineData("$1st = 1; $TargetDedicatedNodes = 1;", "CHPC1025", "$1st", "'$1st' is not a variable name")]
    public void Each_kind_of_lexical_problem_has_its_own_id(string formula, string id, string offending, string message) => AssertError(formula, id, offending, message);

    [Theory]
    [InlineData("$TargetDedicatedNodes = 1;;", "CHPC1026", ";", "Empty statement: this ';' has no statement before it")]
    [InlineData("; $TargetDedicatedNodes = 1;", "CHPC1026", ";", "Empty statement")]
    [InlineData("// only a comment", "CHPC1027", "", "The autoscale formula has no statements: it is empty or holds only comments")]
    [InlineData("", "CHPC1027", "", "has no statements")]
    [InlineData("$a = $b = 1; $TargetDedicatedNodes = 1;", "CHPC1028", "=", "'=' cannot follow the assignment '$a = $b': an assignment is a statement, not a value")]
    [InlineData("(x) = 1; $TargetDedicatedNodes = 1;", "CHPC1029", "=", "Only a variable name can stand before '=', not '(x)'")]
    [InlineData("$TargetDedicatedNodes = time().;", "CHPC1030", ";", "Expected a member or method name after '.', found ';'")]
    [InlineData("$TargetDedicatedNodes = time().$x;", "CHPC1030", "$x", "found '$x'")]
    [InlineData("$TargetDedicatedNodes = (1 + 2;", "CHPC1031", ";", "Expected ')' to close '(1 + 2', found ';'")]
    [InlineData("$TargetDedicatedNodes = max(1, 2", "CHPC1031", "", "Expected ')' to close 'max(1, 2', found the end of the formula")]
    [InlineData("$TargetDedicatedNodes = max($ActiveTasks.GetSample(1 2));", "CHPC1031", "2", "Expected ')' to close 'GetSample(1', found '2'")]
    [InlineData("$TargetDedicatedNodes = 1 ? 2;", "CHPC1032", ";", "Expected ':' in the conditional '1 ? 2', found ';'")]
    [InlineData("$TargetDedicatedNodes = 1 +;", "CHPC1033", ";", "Expected a value, found ';'")]
    [InlineData("$TargetDedicatedNodes = max(1, );", "CHPC1033", ")", "Expected a value, found ')'")]
    [InlineData("$TargetDedicatedNodes = * 2;", "CHPC1033", "*", "Expected a value, found '*'")]
    public void Each_kind_of_grammar_problem_has_its_own_id(string formula, string id, string offending, string message) => AssertError(formula, id, offending, message);

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
    [InlineData("t = time() + 5; $TargetDedicatedNodes = 1;", "time() + 5", "Type error in 'time() + 5': '+' cannot be applied to a timestamp and a double")]
    [InlineData("t = -time(); $TargetDedicatedNodes = 1;", "-time()", "Type error in '-time()': '-' cannot be applied to a timestamp; it takes a double or a timeinterval")]
    [InlineData("$TargetDedicatedNodes = !\"a\";", "!\"a\"", "'!' cannot be applied to a string; it takes a double")]
    [InlineData("i = TimeInterval_Hour + 5; $TargetDedicatedNodes = 1;", "TimeInterval_Hour + 5", "5 * TimeInterval_Minute")]
    [InlineData("t = time() - TimeInterval_Hour; $TargetDedicatedNodes = 1;", "time() - TimeInterval_Hour", "t + (-1 * TimeInterval_Hour)")]
    [InlineData("v = 2 * $CPUPercent.GetSample(5); $TargetDedicatedNodes = 1;", "2 * $CPUPercent.GetSample(5)", "write the doubleVec first, as in v * 2")]
    [InlineData("$TargetDedicatedNodes = $CPUPercent.GetSample(5) > 1;", "$CPUPercent.GetSample(5) > 1", "'>' cannot be applied to a doubleVec and a double; reduce the doubleVec first")]
    [InlineData("$TargetDedicatedNodes = \"a\" + \"b\";", "\"a\" + \"b\"", "'+' cannot be applied to a string and a string")]
    [InlineData("$TargetDedicatedNodes = TimeInterval_Hour / TimeInterval_Minute;", "TimeInterval_Hour / TimeInterval_Minute", "'/' cannot be applied to a timeinterval and a timeinterval")]
    public void Operators_on_the_wrong_types_keep_CHPC1007(string formula, string offending, string message) => AssertError(formula, "CHPC1007", offending, message);

    [Theory]
    [InlineData("$TargetDedicatedNodes = max(1, time());", "CHPC1035", "time()", "Argument 2 of 'max' must be a double or a doubleVec, but 'time()' is a timestamp")]
    [InlineData("$TargetDedicatedNodes = val(3, 0);", "CHPC1035", "3", "Argument 1 of 'val' must be a doubleVec, but '3' is a double")]
    [InlineData("$TargetDedicatedNodes = time(5).hour;", "CHPC1035", "5", "Argument 1 of 'time' must be a string, but '5' is a double")]
    [InlineData("$TargetDedicatedNodes = max($ActiveTasks.GetSample(\"5\"));", "CHPC1035", "\"5\"", "Argument 1 of 'GetSample' must be a sample count (double) or a start time (timestamp or timeinterval), but '\"5\"' is a string")]
    [InlineData("$TargetDedicatedNodes = max($ActiveTasks.GetSample(time(), \"x\"));", "CHPC1035", "\"x\"", "Argument 2 of 'GetSample' must be an end time (timestamp or timeinterval) or a sample percentage (double)")]
    [InlineData("$TargetDedicatedNodes = max($ActiveTasks.GetSample(time(), time(), time()));", "CHPC1035", "time()", "Argument 3 of 'GetSample' must be a sample percentage (double), but 'time()' is a timestamp")]
    [InlineData("$TargetDedicatedNodes = $ActiveTasks.GetSamplePercent(5);", "CHPC1035", "5", "Argument 1 of 'GetSamplePercent' must be a start time (timestamp or timeinterval), but '5' is a double")]
    [InlineData("$TargetDedicatedNodes = $CPUPercent.GetSample(5);", "CHPC1036", "$TargetDedicatedNodes = $CPUPercent.GetSample(5)", "'$TargetDedicatedNodes' takes a double, but '$CPUPercent.GetSample(5)' is a doubleVec; reduce it first")]
    [InlineData("$TargetLowPriorityNodes = time(); $TargetDedicatedNodes = 1;", "CHPC1036", "$TargetLowPriorityNodes = time()", "'$TargetLowPriorityNodes' takes a double, but 'time()' is a timestamp")]
    [InlineData("$TargetDedicatedNodes = time() ? 1 : 2;", "CHPC1037", "time()", "The condition 'time()' of '?:' must be a double (nonzero is true), but it is a timestamp")]
    [InlineData("$TargetDedicatedNodes = 1 > 0 ? 5 : $CPUPercent.GetSample(1);", "CHPC1038", "1 > 0 ? 5 : $CPUPercent.GetSample(1)", "The branches of '1 > 0 ? 5 : $CPUPercent.GetSample(1)' must have the same type, but they are a double and a doubleVec")]
    [InlineData("$TargetDedicatedNodes = $CPUPercent.hour;", "CHPC1039", "$CPUPercent.hour", "'.hour' needs a timestamp, but '$CPUPercent' is a double")]
    [InlineData("$TargetDedicatedNodes = TimeInterval_Hour.minute;", "CHPC1039", "TimeInterval_Hour.minute", "'.minute' needs a timestamp, but 'TimeInterval_Hour' is a timeinterval")]
    public void Each_place_a_value_of_the_wrong_type_can_stand_has_its_own_id(string formula, string id, string offending, string message) => AssertError(formula, id, offending, message);

    [Theory]
    [InlineData("x = stop(); $TargetDedicatedNodes = 1;", "stop()", "'stop()' has no value, so it cannot be assigned: stop() ends the evaluation and stands only as a statement of its own")]
    [InlineData("$TargetDedicatedNodes = stop();", "stop()", "cannot be assigned")]
    [InlineData("$TargetDedicatedNodes = max(1, stop());", "stop()", "cannot be an argument")]
    [InlineData("$TargetDedicatedNodes = 1 + stop();", "stop()", "cannot be an operand of '+'")]
    [InlineData("$TargetDedicatedNodes = 1; x = -stop();", "stop()", "cannot be an operand of '-'")]
    [InlineData("$TargetDedicatedNodes = stop() ? 1 : 2;", "stop()", "cannot be the condition of '?:'")]
    [InlineData("$TargetDedicatedNodes = 1 > 0 ? 1 : stop();", "stop()", "cannot be a branch of '?:'")]
    [InlineData("$TargetDedicatedNodes = stop().hour;", "stop()", "cannot be the receiver of '.hour'")]
    [InlineData("$TargetDedicatedNodes = stop().Count();", "stop()", "cannot be the receiver of '.Count'")]
    public void Stop_used_as_a_value_is_CHPC1040(string formula, string offending, string message) => AssertError(formula, "CHPC1040", offending, message);

    [Fact]
    public void Stop_alone_and_in_both_branches_of_a_statement()
    {
        Assert.Empty(FormulaChecker.Check("$TargetDedicatedNodes = 1; stop();"));
        var errors = FormulaChecker.Check("$TargetDedicatedNodes = 1; $ActiveTasks > 5 ? stop() : stop();");
        Assert.Equal([("CHPC1040", 46), ("CHPC1040", 55)], errors.Select(e => (e.Rule.Id, e.Start)));
    }

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
    [InlineData("$TargetDedicatedNodes = 1; $NodeDeallocationOption = \"requeue\";", "\"requeue\"", "'\"requeue\"' is not a deallocation keyword: $NodeDeallocationOption takes one of the bare words requeue, terminate, taskcompletion or retaineddata (write it without the quotes)")]
    [InlineData("$TargetDedicatedNodes = 1; $NodeDeallocationOption = \"Requeue\";", "\"Requeue\"", "(did you mean 'requeue'?)")]
    [InlineData("$TargetDedicatedNodes = 1; $NodeDeallocationOption = 1;", "1", "'1' is not a deallocation keyword")]
    [InlineData("$TargetDedicatedNodes = 1; $NodeDeallocationOption = Requeue;", "Requeue", "did you mean 'requeue'?")]
    public void Node_deallocation_options(string formula, string offending, string message) => AssertError(formula, "CHPC1010", offending, message);

    [Theory]
    [InlineData("$TargetDedicatedNodes = $NodeDeallocationOption;", "$NodeDeallocationOption", "'$NodeDeallocationOption' has no value to read: $NodeDeallocationOption can only be assigned")]
    [InlineData("$TargetDedicatedNodes = requeue;", "requeue", "'requeue' has no value to read")]
    public void Deallocation_names_read_as_values(string formula, string offending, string message) => AssertError(formula, "CHPC1041", offending, message);

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
        Assert.All(diagnostics.Take(100), d => Assert.Equal("CHPC1018", d.Rule.Id));
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

        Assert.Equal(["CHPC1013", "CHPC1015", "CHPC1016", "CHPC1018"], diagnostics.Select(d => d.Rule.Id).Distinct().Order());
        Assert.Equal(100, diagnostics.Count(d => d.Rule.Id == "CHPC1018"));
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
