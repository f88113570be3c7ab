using ClusterlessHpc.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ClusterlessHpc.Generator.Tests;

/// <summary>Every pool rule, reported alone at its exact span, and silenced by #pragma and by .editorconfig.</summary>
public class RuleTests
{
    [Theory]
    [MemberData(nameof(RuleSamples.Ids), MemberType = typeof(RuleSamples))]
    public Task Each_rule_is_reported_at_the_argument_that_breaks_it(string id) =>
        AnalyzerTest.VerifyAsync(RuleSamples.Source(id), Expected(id).WithLocation(0));

    [Theory]
    [MemberData(nameof(RuleSamples.Ids), MemberType = typeof(RuleSamples))]
    public Task Each_rule_is_silenced_by_pragma(string id) =>
        AnalyzerTest.VerifyAsync($"#pragma warning disable {id}\n" + Unmarked(RuleSamples.Source(id)));

    [Theory]
    [MemberData(nameof(RuleSamples.Ids), MemberType = typeof(RuleSamples))]
    public Task Each_rule_is_silenced_by_editorconfig(string id)
    {
        var test = AnalyzerTest.Create(Unmarked(RuleSamples.Source(id)));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.{id}.severity = none\n"));
        return test.RunAsync();
    }

    [Fact]
    public void Every_pool_rule_has_a_sample()
    {
        var missing = DiagnosticCatalogue.All.Where(r => r.Id.CompareTo("CHPC1000") < 0 && !RuleSamples.ById.ContainsKey(r.Id)).Select(r => r.Id);
        Assert.Empty(missing);
    }

    private static DiagnosticResult Expected(string id)
    {
        var rule = DiagnosticCatalogue.All.Single(r => r.Id == id);
        return new DiagnosticResult(id, rule.Severity switch
        {
            RuleSeverity.Error => DiagnosticSeverity.Error,
            RuleSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        });
    }

    private static string Unmarked(string markup) =>
        System.Text.RegularExpressions.Regex.Replace(markup, @"\{\|#0:(.*?)\|\}", "$1");
}
