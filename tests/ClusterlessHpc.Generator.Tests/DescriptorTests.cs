extern alias generator;
using ClusterlessHpc.Diagnostics;
using PoolAnalyzer = generator::ClusterlessHpc.Generator.PoolAnalyzer;

namespace ClusterlessHpc.Generator.Tests;

/// <summary>What the IDE shows of each rule besides its message.</summary>
public class DescriptorTests
{
    [Fact]
    public void Every_rule_is_supported_and_none_carries_a_help_link_that_could_not_resolve()
    {
        var supported = new PoolAnalyzer().SupportedDiagnostics;
        Assert.Equal(
            DiagnosticCatalogue.All.Select(r => r.Id).OrderBy(id => id, StringComparer.Ordinal),
            supported.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(supported, d => Assert.True(string.IsNullOrEmpty(d.HelpLinkUri), $"{d.Id} links to {d.HelpLinkUri}"));
    }
}
