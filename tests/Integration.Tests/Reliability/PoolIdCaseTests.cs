using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Reliability;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>Pool ids compare ignoring case, as the service's do: a definition whose id differs only in case is the same pool.</summary>
public sealed class PoolIdCaseTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_definition_whose_id_differs_only_in_case_finds_the_pool_as_it_is()
    {
        await using var emulator = await BatchEmulator.StartAsync(ConcurrentApplies.FastEmulator(), Cancel);
        var provisioner = new PoolProvisioner(emulator.CreateClient(), new PoolProvisionerOptions { FirstPollDelay = TimeSpan.FromMilliseconds(20) });
        await provisioner.ApplyAsync(FaultCampaign.Definition("Redwood", nodes: 2), cancellationToken: Cancel);

        var plan = await provisioner.PlanAsync(FaultCampaign.Definition("redwood", nodes: 2), Cancel);

        Assert.True(plan.Action == PoolPlanAction.NoChange, plan.ToString());
    }
}
