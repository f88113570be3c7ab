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
        var reported = string.Concat(Enumerable.Repeat("{|CHPC1001:#|}", 100)) + "{|CHPC1016:#|}" + new string('#', 49);
        return AnalyzerTest.VerifyAsync("using ClusterlessHpc;\n[AutoScale(Formulas.Scale)]\n" + Pool +
            "static class Formulas { public const string Scale = \"$TargetDedicatedNodes = 1; " + reported + "\"; }\n");
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
