using ClusterlessHpc.AutoScale;
using ClusterlessHpc.AutoScale.Language;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>Every formula of the corpus (shared/autoscale-corpus): the service's verdict, and ours.</summary>
public class CorpusTests
{
    private static string Read(string relative) => FormulaCorpus.Read(relative);

    public static TheoryData<string> Valid() => FormulaCorpus.Rows("valid");

    [Fact]
    public void The_corpus_holds_every_formula_of_the_index()
    {
        var index = Read("INDEX.md");
        var files = FormulaCorpus.Files().Select(Path.GetFileName).ToList();
        Assert.Equal(47 + 6, files.Count);
        foreach (var file in files) Assert.Contains(file!, index);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_formulas_are_accepted_and_evaluate(string file)
    {
        var result = AutoScaleFormula.Parse(Read(Path.Combine("valid", file)));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var evaluation = result.Formula!.Evaluate(TestMetrics.Busy(TestMetrics.Monday));
        Assert.True(evaluation.Succeeded, evaluation.ToString());
        Assert.StartsWith("$TargetDedicatedNodes=", evaluation.Results);
    }

    [Theory]
    [InlineData("16-rest-evaluate-example-lowercase-target.txt", "$targetDedicatedNodes")]
    [InlineData("18-msdocs-getsample-range-percent.txt", "$runningTasksSample = $RunningTasks.GetSample(60 * TimeInterval_Second, 120 * TimeInterval_Second, 75)")]
    [InlineData("43-azure-sdk-net-evaluate-getsample-count.txt", "myActiveSamples=$ActiveTasks.GetSample(5)")]
    public void Valid_formulas_that_assign_no_target_only_get_the_warning(string file, string at)
    {
        var text = Read(Path.Combine("valid", file));
        // Notes (such as CHPC1047 on a legacy name) are not warnings.
        var warning = Assert.Single(FormulaChecker.Check(text), d => d.Rule.Severity != RuleSeverity.Info);
        Assert.Same(DiagnosticCatalogue.FormulaShouldAssignTarget, warning.Rule);
        Assert.Equal(at, text.Substring(warning.Start, warning.Length));
    }

    [Theory]
    [InlineData("invalid/04-msdocs-cpu-complete-2020-missing-semicolon.txt", "CHPC1001", "$NodeDeallocationOption", "Expected ';' before '$NodeDeallocationOption'")]
    [InlineData("invalid/I01-msdocs-pr12386-csharp-interpolation-braces.txt", "CHPC1020", "{pool.CurrentDedicatedComputeNodes}", "'{pool.CurrentDedicatedComputeNodes}' is not allowed")]
    [InlineData("invalid/I02-azure-sdk-js-undefined-dollar-identifier.txt", "CHPC1002", "$something_useless", "'$something_useless'")]
    [InlineData("invalid/I03-azure-sdk-js-old-bare-identifier.txt", "CHPC1002", "something_useless", "'something_useless'")]
    [InlineData("invalid/I04-nextflow-default-formula-nanosecond-timestamp.txt", "CHPC1012", "\"2023-04-14T13:26:49.123456789Z\"", "9 fractional-second digits")]
    [InlineData("invalid/I05-llm-style-undocumented-GetSum.txt", "CHPC1004", "GetSum", "'GetSum'")]
    [InlineData("invalid/I06-llm-style-undocumented-Sum.txt", "CHPC1004", "Sum", "'Sum'")]
    // Doubtful, ruled invalid (docs/autoscale.md, "Corpus rulings").
    [InlineData("doubtful/22-batchexplorer-data-initial-pool-size-escaped-quotes.txt", "CHPC1019", "\\", "'\\\"' is not allowed")]
    [InlineData("doubtful/27-doazureparallel-weekend-undefined-curtime.txt", "CHPC1002", "$curTime", "'$curTime'")]
    public void Invalid_formulas_are_rejected_at_the_offending_text(string file, string id, string offending, string message)
    {
        var text = Read(file);
        var result = AutoScaleFormula.Parse(text);
        Assert.Null(result.Formula);
        var first = result.Diagnostics.First(d => d.IsError);
        Assert.Equal(id, first.Rule.Id);
        Assert.Equal(offending, text.Substring(first.Start, first.Length));
        Assert.Contains(message, first.Message);
    }

    [Fact]
    public void The_bare_expression_statement_is_ruled_valid_and_fails_as_the_sdk_test_says()
    {
        // The service's samples reach formulas about a minute late, so the last 10 seconds hold none.
        var text = Read("doubtful/45-azure-sdk-net-unittest-bare-expression.txt");
        var result = AutoScaleFormula.Parse(text);
        // And the linter warns of exactly that: a window in the last minute (CHPC1046).
        Assert.Equal(["CHPC1015", "CHPC1046"], result.Diagnostics.Select(d => d.Rule.Id));
        var now = TestMetrics.Monday;
        var context = TestMetrics.Context(now, 2, 0, ("$RunningTasks", TestMetrics.Constant(now, 1, 20, TimeSpan.FromMinutes(1))));
        var evaluation = result.Formula!.Evaluate(context);
        Assert.Equal("InsufficientSampleData", evaluation.Error!.Code);
        Assert.Equal("Autoscale evaluation failed due to insufficient sample data", evaluation.Error.Message);
        Assert.Equal("Line 1, Col 24: Insufficient data from data set: $RunningTasks wanted 100%, received 0%", evaluation.Error.Detail);
        Assert.Equal("$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", evaluation.Results);
    }
}
