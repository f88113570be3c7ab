using System.Text.RegularExpressions;
using ClusterlessHpc.AutoScale.Language;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>
/// Every formula rule is its own kind of problem: a formula that breaks it gets that id alone, at the offending text, with
/// a message that names that text; no rule of the catalogue is left without such a formula; each rule's page shows one.
/// </summary>
public partial class FormulaRuleTests
{
    // CHPC1000-1047; from CHPC1048 on, the 1000 range holds the simulation expectations' rules (their own tests).
    private static IEnumerable<PoolRule> FormulaRules => DiagnosticCatalogue.All.Where(r => string.CompareOrdinal(r.Id, "CHPC1000") >= 0 && string.CompareOrdinal(r.Id, "CHPC1048") < 0);

    [Theory]
    [MemberData(nameof(FormulaRuleSamples.Ids), MemberType = typeof(FormulaRuleSamples))]
    public void Each_rule_is_reported_alone_at_the_text_that_breaks_it(string id)
    {
        var (formula, start, length) = FormulaRuleSamples.Parse(id);
        var diagnostics = FormulaChecker.Check(formula);
        var found = Assert.Single(diagnostics, d => d.Rule.Id == id);
        Assert.Equal((start, length), (found.Start, found.Length));
        // CHPC1016 stands for the problems past the first 100, so those come with it.
        if (id != "CHPC1016") Assert.Single(diagnostics);
        Assert.Equal(found.Message, found.Rule.Format(found.MessageArgs));
    }

    [Fact]
    public void Every_formula_rule_of_the_catalogue_has_a_formula_that_breaks_it()
    {
        Assert.Equal(FormulaRules.Select(r => r.Id).Order(StringComparer.Ordinal), FormulaRuleSamples.ById.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FormulaRuleSamples.Ids), MemberType = typeof(FormulaRuleSamples))]
    public void Each_message_names_the_offending_text(string id)
    {
        var (formula, start, length) = FormulaRuleSamples.Parse(id);
        var diagnostic = FormulaChecker.Check(formula).First(d => d.Rule.Id == id);
        var offending = formula.Substring(start, length);
        switch (id)
        {
            case "CHPC1013":
                Assert.Contains($"has {formula.Length} characters", diagnostic.Message);
                break;
            case "CHPC1016":
                Assert.Contains("has 106 problems", diagnostic.Message);
                break;
            case "CHPC1015":
                // About the formula as a whole, placed on its first statement.
                Assert.Contains("assigns neither $TargetDedicatedNodes nor $TargetLowPriorityNodes", diagnostic.Message);
                break;
            case "CHPC1027":
                // At the end of a formula that has no text to name.
                Assert.Contains("has no statements", diagnostic.Message);
                break;
            case "CHPC1031":
                // Reported at the end of the formula, so it names what is left open.
                Assert.Contains("'max(1, 2', found the end of the formula", diagnostic.Message);
                break;
            case "CHPC1039":
                // The whole member access is the span; the message names the member and what it was read from.
                Assert.Contains("'.hour' needs a timestamp, but '$CPUPercent' is a double", diagnostic.Message);
                break;
            case "CHPC1036":
                // The whole assignment is the span; the message names its target and its value.
                Assert.Contains("'$TargetDedicatedNodes' takes a double, but '$CPUPercent.GetSample(5)' is a doubleVec", diagnostic.Message);
                break;
            default:
                Assert.Contains(offending, diagnostic.Message);
                break;
        }
    }

    /// <summary>The limits that need formulas too long to print: they show how the limit is reached instead.</summary>
    private static readonly HashSet<string> PagesWithoutAFullExample = ["CHPC1013", "CHPC1014", "CHPC1016"];

    [Fact]
    public void Each_rule_page_has_an_example_formula_that_breaks_that_rule()
    {
        foreach (var rule in FormulaRules)
        {
            var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, rule.DocsPage));
            Assert.StartsWith($"# {rule.Id}: ", page);
            Assert.Contains("## Example", page);
            Assert.Contains("## How to fix", page);
            var examples = Example().Matches(page).Select(m => m.Groups[1].Value).ToList();
            if (PagesWithoutAFullExample.Contains(rule.Id))
            {
                Assert.Empty(examples);
                continue;
            }
            var example = Assert.Single(examples);
            Assert.True(FormulaChecker.Check(example).Any(d => d.Rule == rule), $"{rule.Id}: the example does not break the rule:\n{example}");
        }
    }

    [Fact]
    public void The_autoscale_page_lists_every_formula_rule_with_its_severity_and_title()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "autoscale.md"));
        foreach (var rule in FormulaRules)
        {
            var title = rule.Title.Replace("|", "\\|", StringComparison.Ordinal);
            Assert.Contains($"| [{rule.Id}](diagnostics/{rule.Id}.md) | {rule.Severity.ToString().ToLowerInvariant()} | {title} |", page);
        }
    }

    [GeneratedRegex("```autoscale\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
