using ClusterlessHpc.Emulator;
using ClusterlessHpc.Reliability;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>
/// Applies at the same moment: of one pool, exactly one is made and every caller ends ready (or, when its definition
/// lost the race, with a drift report); of many pools, each is made once. <c>Benchmarks -- concurrency</c> prints the figures.
/// </summary>
public sealed class ConcurrencyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Eight_concurrent_applies_of_one_pool_make_exactly_one_and_all_eight_end_ready()
    {
        await using var emulator = await BatchEmulator.StartAsync(ConcurrentApplies.FastEmulator(), Cancel);
        var definitions = Enumerable.Range(0, 8).Select(_ => FaultCampaign.Definition("Shared-Pool", nodes: 3)).ToList();

        var result = await ConcurrentApplies.RunAsync(emulator, definitions, cancellationToken: Cancel);

        Assert.All(result.Outcomes, o => Assert.True(o.Ready?.CurrentDedicatedNodes == 3, o.ToString()));
        Assert.Equal("Shared-Pool", Assert.Single(result.Pools).Id);
        Assert.Equal(1, result.Creates["shared-pool"]);
        Assert.Equal(0, result.Deletes);
    }

    [Fact]
    public async Task Eight_concurrent_applies_of_two_definitions_of_one_pool_end_ready_or_with_a_drift_report_naming_the_difference()
    {
        await using var emulator = await BatchEmulator.StartAsync(ConcurrentApplies.FastEmulator(), Cancel);
        var definitions = Enumerable.Range(0, 8).Select(i => FaultCampaign.Definition("contested", nodes: 2 + i % 2)).ToList();

        var result = await ConcurrentApplies.RunAsync(emulator, definitions, cancellationToken: Cancel);

        var pool = Assert.Single(result.Pools);
        Assert.Empty(result.Failed);
        Assert.All(result.Outcomes, o =>
        {
            if (o.Definition.NodeCount == pool.TargetDedicatedNodes) Assert.True(o.Ready is not null, o.ToString());
            else Assert.Equal("targetDedicatedNodes", Assert.Single(o.Drift!.Plan.Differences).Property);
        });
        Assert.Equal(4, result.Ready);
        Assert.Equal(4, result.Drifted);
        Assert.Equal(1, result.Creates.Values.Sum());
    }

    [Fact]
    public async Task Eight_concurrent_applies_of_one_pool_through_failing_requests_still_make_exactly_one()
    {
        var campaign = new FaultCampaignOptions { Seed = 88 };
        var options = ConcurrentApplies.FastEmulator();
        options.Faults = new Emulator.Faults.FaultInjectionOptions { Seed = campaign.Seed, Rules = { FaultCampaign.Rule(campaign) } };
        await using var emulator = await BatchEmulator.StartAsync(options, Cancel);
        var handler = new ClientFaults(campaign.Seed, FaultCampaign.LostResponseRate(campaign));
        var definitions = Enumerable.Range(0, 8).Select(_ => FaultCampaign.Definition("crowded", nodes: 2)).ToList();

        // Ten client retries: this test is about concurrency; outlasting the default three is FaultRunTests' subject.
        var result = await ConcurrentApplies.RunAsync(emulator, definitions, handler, maxRetries: 10, cancellationToken: Cancel);

        Assert.True(emulator.FaultsInjected + handler.LostResponses > 0);
        Assert.All(result.Outcomes, o => Assert.True(o.Ready is not null, o.ToString()));
        Assert.Single(result.Pools);
        Assert.Equal(1, result.Creates["crowded"]);
    }

    [Fact]
    public async Task Fifty_different_pools_applied_in_parallel_are_each_made_once_and_ready()
    {
        await using var emulator = await BatchEmulator.StartAsync(ConcurrentApplies.FastEmulator(), Cancel);
        var definitions = Enumerable.Range(0, 50).Select(i => FaultCampaign.Definition($"parallel-{i:D2}", nodes: 2)).ToList();

        var result = await ConcurrentApplies.RunAsync(emulator, definitions, cancellationToken: Cancel);

        Assert.All(result.Outcomes, o => Assert.True(o.Ready?.CurrentDedicatedNodes == 2, o.ToString()));
        Assert.Equal(definitions.Select(d => d.Id).Order(StringComparer.Ordinal), result.Pools.Select(p => p.Id!).Order(StringComparer.Ordinal));
        Assert.All(result.Creates.Values, count => Assert.Equal(1, count));
        Assert.Equal(50, result.Creates.Count);
    }
}
