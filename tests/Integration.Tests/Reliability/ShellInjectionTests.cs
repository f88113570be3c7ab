using ClusterlessHpc.Reliability.Injection;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>
/// Hostile values in every attribute that reaches a node's start task: each is refused by a rule at that attribute, or its
/// pool's start task runs for real on an executed node (and the julia launcher it installs runs as a task would) without
/// running anything the value carries (<c>Benchmarks -- injection</c> prints the same table; docs/reliability.md).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ShellInjectionTests
{
    public static TheoryData<string> Targets => new(HostileCorpus.Targets.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_hostile_value_is_refused_at_its_attribute_or_runs_nothing_on_the_node(string name)
    {
        var target = HostileCorpus.Targets.Single(t => t.Name == name);

        var cases = await InjectionRun.RunAsync([target], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HostileCorpus.Payloads.Length, cases.Count);
        Assert.All(cases, c => Assert.True(c.RefusedBy is not null || c.Outcome is not null, c.ToString()));
        Assert.All(cases, c => Assert.True(c.Safe, c.ToString()));
    }

    [Fact]
    public async Task Accepted_values_really_reach_the_node_so_the_corpus_tests_something()
    {
        var urls = HostileCorpus.Targets.Where(t => t.Name is "[Julia(Mirror)]" or "[JuliaPackage(Url)]" or "[EnvironmentVariable(name, value)]");

        var cases = await InjectionRun.RunAsync(urls, cancellationToken: TestContext.Current.CancellationToken);

        var ran = cases.Where(c => c.Outcome is not null).ToList();
        Assert.True(ran.Count >= 30, string.Join("\n", cases));
        Assert.Contains(ran, c => c.Target.Name == "[JuliaPackage(Url)]" && c.Outcome!.StartsWith("idle", StringComparison.Ordinal));
        Assert.Contains(ran, c => c.Target.Name == "[EnvironmentVariable(name, value)]" && c.Outcome!.Contains("launcher ran", StringComparison.Ordinal));
        Assert.All(ran, c => Assert.True(c.Safe, c.ToString()));
    }
}
