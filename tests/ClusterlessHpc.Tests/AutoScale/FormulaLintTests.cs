using ClusterlessHpc.AutoScale.Language;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>
/// The lints (CHPC1042–CHPC1047): each on a published formula that has the bug it names, none on a formula without it,
/// and how many of the corpus' valid formulas each flags (all of them still accepted).
/// </summary>
public class FormulaLintTests
{
    private static string Corpus(string file) => FormulaCorpus.Read(Path.Combine("valid", file));

    private static List<FormulaDiagnostic> Found(string text, PoolRule rule) =>
        FormulaChecker.Check(text).Where(d => d.Rule == rule).ToList();

    private static string At(string text, FormulaDiagnostic d) => text.Substring(d.Start, d.Length);

    [Fact]
    public void A_condition_that_folds_to_a_constant_is_reported_with_the_branch_it_always_takes()
    {
        // Batch Shipyard's generated formula with rebalancing off: 'rebalance = 0 == 1' makes its '?:' always false.
        var text = Corpus("29-batch-shipyard-pending-tasks-generated.txt");
        var found = Found(text, DiagnosticCatalogue.FormulaConditionShouldNotBeConstant);
        var rebalance = Assert.Single(found, d => At(text, d) == "(rebalance && remainingVMs > 0)");
        Assert.Contains("is always false", rebalance.Message);
        Assert.Contains("second branch", rebalance.Message);
        Assert.Equal(RuleSeverity.Warning, rebalance.Rule.Severity);

        // The docs' time-based example depends on the clock: not constant.
        Assert.Empty(Found(Corpus("05-msdocs-example1-time-based.txt"), DiagnosticCatalogue.FormulaConditionShouldNotBeConstant));
        Assert.Empty(Found("$TargetDedicatedNodes = $PendingTasks > 0 ? 1 : 0;", DiagnosticCatalogue.FormulaConditionShouldNotBeConstant));
    }

    [Fact]
    public void A_low_priority_formula_reading_the_dedicated_target_is_reported_at_the_read()
    {
        // The docs' task-based Example 2 (corpus 06) made to scale a low-priority pool: only its assignment is changed,
        // so it keeps 'max(0, $TargetDedicatedNodes/2)', which on that pool is always 0.
        var text = Corpus("06-msdocs-example2-task-based.txt").Replace("$TargetDedicatedNodes = max(", "$TargetLowPriorityNodes = max(", StringComparison.Ordinal);
        Assert.Contains("$TargetLowPriorityNodes = max(0, min($targetVMs, 20))", text);
        var found = Assert.Single(Found(text, DiagnosticCatalogue.FormulaShouldNotReadUnsetTarget));
        Assert.Equal("$TargetDedicatedNodes", At(text, found));
        Assert.Contains("sets only $TargetLowPriorityNodes", found.Message);
        Assert.DoesNotContain(FormulaChecker.Check(text), d => d.IsError);

        // The original sets the target it reads; a formula that sets both may read either.
        Assert.Empty(Found(Corpus("06-msdocs-example2-task-based.txt"), DiagnosticCatalogue.FormulaShouldNotReadUnsetTarget));
        Assert.Empty(Found(Corpus("02-msdocs-preempted-nodes.txt"), DiagnosticCatalogue.FormulaShouldNotReadUnsetTarget));
    }

    [Theory]
    // Azure/Batch #151: "will be evaluated to 2.9, truncated to 2".
    [InlineData("33-azure-batch-issue151-direct-metric.txt")]
    // MicrosoftDocs/azure-docs #95350: a target of 0.5 "seems to be internally rounded down to 0".
    [InlineData("34-msdocs-issue95350-taskslots.txt")]
    public void A_fractional_target_is_reported_with_what_the_service_does(string file)
    {
        var text = Corpus(file);
        var found = Assert.Single(Found(text, DiagnosticCatalogue.FormulaTargetShouldBeWholeNumber));
        Assert.Contains("a fraction", found.Message);
        Assert.Contains("0.5 becoming 0 and 2.9 becoming 2", found.Message);
        Assert.Contains(At(text, found).Trim(), text);
    }

    [Fact]
    public void A_target_that_may_be_negative_says_may()
    {
        var found = Assert.Single(Found("$TargetDedicatedNodes = $PendingTasks - 5;", DiagnosticCatalogue.FormulaTargetShouldBeWholeNumber));
        Assert.Contains("a negative number", found.Message);
        Assert.Contains("it may fail the evaluation or treat it as 0", found.Message);
    }

    [Theory]
    [InlineData("$TargetDedicatedNodes = ceil($PendingTasks / $TaskSlotsPerNode);")]
    [InlineData("$TargetDedicatedNodes = max(0, $PendingTasks - 5);")]
    [InlineData("$TargetDedicatedNodes = min(10, max(0, $ActiveTasks.GetSample(1)));")]
    [InlineData("n = $CurrentDedicatedNodes + 1; $TargetDedicatedNodes = n > 4 ? 4 : n;")]
    public void A_whole_target_that_is_never_negative_is_not_reported(string text) =>
        Assert.Empty(Found(text, DiagnosticCatalogue.FormulaTargetShouldBeWholeNumber));

    [Theory]
    // Explicitly rounded: a deliberate round-up, or a rounded average clamped.
    [InlineData("n = max(0, $PendingTasks.GetSample(1)); $TargetDedicatedNodes = floor((n + 3) / 4);")]
    [InlineData("n = avg(0, $PendingTasks.GetSample(TimeInterval_Minute * 5)); $TargetDedicatedNodes = max(1, min(round(n / 2), 10));")]
    // A clamp whose bounds decide it is whole whatever it clamps (doAzureParallel's max(3, min($targetVMs, 3)), corpus 23).
    [InlineData("n = avg(0, $PendingTasks.GetSample(TimeInterval_Minute * 5)) / 4; $TargetDedicatedNodes = max(3, min(n, 3));")]
    [InlineData("n = avg(0, $PendingTasks.GetSample(TimeInterval_Minute * 5)) / 4; $TargetDedicatedNodes = min(2, max(n, 2));")]
    // Batch Shipyard's low-priority cap (corpus 28, 29): min(count + 16777216, 8) is 8, so max(8, min(x, that)) is 8.
    [InlineData("cap = min($CurrentLowPriorityNodes + 16777216, 8); x = avg(0, $PendingTasks.GetSample(TimeInterval_Minute * 5)) / 3; $TargetLowPriorityNodes = max(8, min(x, cap));")]
    // A sum that can be no smaller than the whole number min() compares it with: min() gives the whole number.
    [InlineData("extra = max(0, avg(0, $PendingTasks.GetSample(TimeInterval_Minute * 5)) / 3); $TargetDedicatedNodes = min(8 + extra, 8);")]
    public void An_explicitly_rounded_or_provably_whole_target_is_not_reported(string text) =>
        Assert.Empty(Found(text, DiagnosticCatalogue.FormulaTargetShouldBeWholeNumber));

    [Theory]
    // The docs' Example 3 (corpus 07): max(0, min(x, 3)) clamps but still passes a fraction of x through.
    [InlineData("x = avg(0, $ActiveTasks.GetSample(TimeInterval_Minute * 15)) / 4; $TargetDedicatedNodes = max(0, min(x, 3));")]
    // A round-up that relies on Batch truncating: the target is a fraction, and ceil(n / 4) says it outright.
    [InlineData("n = max(0, $PendingTasks.GetSample(1)); $TargetDedicatedNodes = (n + 3) / 4;")]
    // Bounds that overlap decide nothing: 8 + extra may be below 9.
    [InlineData("extra = max(0, avg(0, $PendingTasks.GetSample(TimeInterval_Minute * 5)) / 3); $TargetDedicatedNodes = min(8 + extra, 9);")]
    // A sample read that may be empty leaves max() to its other argument: no bound decides it.
    [InlineData("x = avg(0, $PendingTasks.GetSample(TimeInterval_Minute * 5)) / 4; $TargetDedicatedNodes = max($PendingTasks.GetSample(1) + 5, min(x, 3));")]
    public void A_clamp_that_lets_a_fraction_through_is_still_reported(string text) =>
        Assert.Single(Found(text, DiagnosticCatalogue.FormulaTargetShouldBeWholeNumber));

    [Fact]
    public void A_sample_read_without_a_fallback_is_reported_at_the_read()
    {
        // Batch Shipyard #208: 'pendingTasks = max($PendingTasks.GetSample(1));' fails while the pool has no samples.
        var text = Corpus("31-batch-shipyard-issue208-custom.txt");
        var found = Assert.Single(Found(text, DiagnosticCatalogue.FormulaSampleReadShouldHaveFallback));
        Assert.Equal("$PendingTasks.GetSample(1)", At(text, found));
        Assert.Contains("max() of no values fails the evaluation", found.Message);
        Assert.Contains("max(0, ...)", found.Message);
    }

    [Theory]
    // The docs' idiom: a fallback value in max(0, ...), and the average only when GetSamplePercent says the samples exist.
    [InlineData("06-msdocs-example2-task-based.txt")]
    [InlineData("01-msdocs-pending-tasks.txt")]
    // A percentage: too few samples stop the evaluation without a change, as documented.
    [InlineData("29-batch-shipyard-pending-tasks-generated.txt")]
    // Count() as the condition.
    [InlineData("37-ga4gh-tes-sku-validator-count.txt")]
    public void A_sample_read_with_a_fallback_or_a_check_is_not_reported(string file) =>
        Assert.Empty(Found(Corpus(file), DiagnosticCatalogue.FormulaSampleReadShouldHaveFallback));

    [Fact]
    public void A_window_in_the_last_minute_is_reported_on_the_seed_pages_formula()
    {
        // AzureClusterlessHPC.jl's docs/pool.md (the seed page): 30 seconds back, so the percentage is usually 0
        // and the formula keeps its starting size.
        var text = Corpus("38-azureclusterlesshpc-jl-pending.txt");
        var seed = File.ReadAllText(SharedReferenceData.Path(Path.Combine("seed", "pools.md")));
        Assert.Contains("GetSamplePercent(30 * TimeInterval_Second)", seed);
        var found = Found(text, DiagnosticCatalogue.FormulaSampleWindowShouldReachPastLastMinute);
        Assert.Equal(["$PendingTasks.GetSamplePercent(30 * TimeInterval_Second)", "$PendingTasks.GetSample(30 * TimeInterval_Second)"],
            found.Select(d => At(text, d)));
        Assert.Contains("looks back only 30 seconds", found[0].Message);
    }

    [Theory]
    // 180 seconds back, as the docs' examples; a window that ends a minute ago; 60 to 120 seconds (corpus 18).
    [InlineData("01-msdocs-pending-tasks.txt")]
    [InlineData("18-msdocs-getsample-range-percent.txt")]
    [InlineData("03-msdocs-cpu-complete-2019.txt")]
    public void A_window_that_reaches_past_the_last_minute_is_not_reported(string file) =>
        Assert.Empty(Found(Corpus(file), DiagnosticCatalogue.FormulaSampleWindowShouldReachPastLastMinute));

    [Fact]
    public void A_legacy_name_is_an_information_note_at_each_use()
    {
        // The 2015 docs' CPU formula: $CurrentDedicated and $TargetDedicated.
        var text = Corpus("14-msdocs-2015-cpu-currentdedicated.txt");
        var found = Found(text, DiagnosticCatalogue.FormulaShouldUseCurrentName);
        Assert.NotEmpty(found);
        Assert.All(found, d => Assert.Contains(At(text, d), new[] { "$CurrentDedicated", "$TargetDedicated" }));
        Assert.Contains(found, d => d.Message.Contains("'$CurrentDedicated' is the original name of '$CurrentDedicatedNodes'", StringComparison.Ordinal));
        Assert.Equal(RuleSeverity.Info, found[0].Rule.Severity);

        Assert.Empty(Found(Corpus("11-msdocs-one-line-no-semicolon.txt"), DiagnosticCatalogue.FormulaShouldUseCurrentName));
    }

    /// <summary>
    /// Which valid corpus formulas each lint flags: every one stays accepted, and a change in what the lints flag shows
    /// here. Each listed file was read by hand against the lint's page.
    /// </summary>
    [Fact]
    public void The_lints_flag_these_corpus_formulas_and_refuse_none()
    {
        var flagged = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var path in FormulaCorpus.Files().Where(f => f.StartsWith("valid", StringComparison.Ordinal)))
        {
            var file = Path.GetFileName(path);
            var diagnostics = FormulaChecker.Check(Corpus(file));
            Assert.DoesNotContain(diagnostics, d => d.IsError);
            foreach (var d in diagnostics.Where(d => string.CompareOrdinal(d.Rule.Id, "CHPC1042") >= 0))
            {
                if (!flagged.TryGetValue(d.Rule.Id, out var files)) flagged.Add(d.Rule.Id, files = new SortedSet<string>(StringComparer.Ordinal));
                files.Add(file[..2]);
            }
        }
        var actual = string.Join("\n", flagged.Select(p => p.Key + ": " + string.Join(",", p.Value)));
        Assert.True(ExpectedCorpusFlags == actual, "The lints flag:\n" + actual.Replace("\n", " | ", StringComparison.Ordinal));
    }

    private const string ExpectedCorpusFlags =
        "CHPC1042: 29\n" +
        "CHPC1044: 01,02,03,06,07,14,15,17,20,21,25,28,29,31,33,34,35,38,39,40,41\n" +
        "CHPC1045: 03,14,25,28,31\n" +
        "CHPC1046: 38\n" +
        "CHPC1047: 12,13,14,15,16,17,23,24,25,32,36,46";
}
