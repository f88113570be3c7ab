namespace ClusterlessHpc.Generator.Tests;

/// <summary>Formula diagnostics land on the exact characters inside the attribute's string, whatever kind of literal holds it.</summary>
public class FormulaSpanTests
{
    private const string Pool = "[BatchPool(\"scaled\")]\npublic partial class P;\n";

    [Fact]
    public Task In_a_regular_literal_after_escapes() => AnalyzerTest.VerifyAsync("using ClusterlessHpc;\n" +
        "[AutoScale(\"\\tn = 1;\\n$TargetDedicatedNodes = {|CHPC1002:$Nope|};\")]\n" + Pool);

    [Fact]
    public Task In_a_verbatim_multi_line_literal() => AnalyzerTest.VerifyAsync("using ClusterlessHpc;\n" +
        "[AutoScale(@\"n = \"\"x\"\" == \"\"x\"\" ? 1 : 2;\n    $TargetDedicatedNodes = {|CHPC1002:$Nope|};\")]\n" + Pool);

    [Fact]
    public Task In_a_raw_multi_line_literal() => AnalyzerTest.VerifyAsync("using ClusterlessHpc;\n" +
        "[AutoScale(\"\"\"\n        n = 1;\n        $TargetDedicatedNodes = {|CHPC1002:$Nope|};\n        \"\"\")]\n" + Pool);

    [Fact]
    public Task In_the_literal_of_a_constant_declared_elsewhere() => AnalyzerTest.VerifyAsync("using ClusterlessHpc;\n" +
        "[AutoScale(Formulas.Pending)]\n" + Pool +
        "static class Formulas { public const string Pending = \"$TargetDedicatedNodes = min(10, {|CHPC1002:$PendingTask|}.GetSample(1));\"; }\n");

    [Fact]
    public Task In_a_concatenation_of_constants_and_literals() => AnalyzerTest.VerifyAsync("using ClusterlessHpc;\n" +
        "[AutoScale(Formulas.Cap + \"$TargetDedicatedNodes = min(cap, {|CHPC1002:$Nope|});\")]\n" + Pool +
        "static class Formulas { public const string Cap = \"cap = \" + Formulas.Ten + \";\"; public const string Ten = \"10\"; }\n");

    [Fact]
    public Task A_type_error_is_reported_on_the_expression() => AnalyzerTest.VerifyAsync("using ClusterlessHpc;\n" +
        "[AutoScale(\"$TargetDedicatedNodes = {|CHPC1007:TimeInterval_Minute + 1|};\")]\n" + Pool);

    [Fact]
    public Task Past_100_problems_the_summary_lands_in_the_constant()
    {
        // 150 stray characters in a constant: the first 100 are reported each on its own character, then one CHPC1016
        // on the 101st stands for the other 50.
        var reported = string.Concat(Enumerable.Repeat("{|CHPC1018:#|}", 100)) + "{|CHPC1016:#|}" + new string('#', 49);
        return AnalyzerTest.VerifyAsync("using ClusterlessHpc;\n[AutoScale(Formulas.Scale)]\n" + Pool +
            "static class Formulas { public const string Scale = \"$TargetDedicatedNodes = 1; " + reported + "\"; }\n");
    }

    [Theory]
    [MemberData(nameof(FormulaRuleSamples.Ids), MemberType = typeof(FormulaRuleSamples))]
    public Task Each_formula_rule_is_reported_under_its_own_id_at_its_text_in_the_attribute(string id) =>
        AnalyzerTest.VerifyAsync("using ClusterlessHpc;\n[AutoScale(" + VerbatimLiteral(id) + ")]\n" + Pool);

    [Fact]
    public Task One_kind_of_formula_problem_is_silenced_by_pragma_and_the_others_still_reported() => AnalyzerTest.VerifyAsync(
        "#pragma warning disable CHPC1017\nusing ClusterlessHpc;\n" +
        "[AutoScale(\"/* cap */ $TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1) {|CHPC1021:&|} 1);\")]\n" + Pool);

    [Fact]
    public Task One_kind_of_formula_problem_is_silenced_by_editorconfig_and_the_others_still_reported()
    {
        var test = AnalyzerTest.Create("using ClusterlessHpc;\n" +
            "[AutoScale(\"{|CHPC1017:/* cap */|} $TargetDedicatedNodes = min(1e3, $PendingTasks.GetSample(1));\")]\n" + Pool);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CHPC1024.severity = none\n"));
        return test.RunAsync();
    }

    /// <summary>
    /// The rule's sample formula as a verbatim literal, its marked text marked for the rule. CHPC1016's sample has 100
    /// stray characters before it, each a CHPC1018 of its own.
    /// </summary>
    private static string VerbatimLiteral(string id)
    {
        var marked = FormulaRuleSamples.ById[id].Replace("\"", "\"\"", StringComparison.Ordinal).Replace("{|", "{|" + id + ":", StringComparison.Ordinal);
        if (id == "CHPC1016")
        {
            var at = marked.IndexOf("{|", StringComparison.Ordinal);
            marked = marked[..at].Replace("#", "{|CHPC1018:#|}", StringComparison.Ordinal) + marked[at..];
        }
        return "@\"" + marked + "\"";
    }

    [Fact]
    public void A_formula_with_an_error_generates_nothing()
    {
        var (_, generated) = GeneratorHarness.Run("using ClusterlessHpc;\n[AutoScale(\"$TargetDedicatedNodes = $Nope;\")]\n" + Pool);
        Assert.Empty(generated);
    }

    [Fact]
    public void A_valid_formula_generates_the_pool_with_its_autoscale_settings()
    {
        var (output, _) = GeneratorHarness.Run("using ClusterlessHpc;\n[AutoScale(\"$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));\", EvaluationIntervalMinutes = 5)]\n" + Pool);
        var definition = (PoolDefinition)GeneratorHarness.Load(output).GetType("P")!.GetProperty("Definition")!.GetValue(null)!;
        Assert.Equal(new AutoScaleDefinition("$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));") { EvaluationIntervalMinutes = 5 }, definition.AutoScale);
        Assert.Equal(0, definition.EffectiveNodeCount);
    }
}
