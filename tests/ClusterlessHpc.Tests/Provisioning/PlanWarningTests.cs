using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>A plan carries the definition's warnings, so whoever prints a plan shows them.</summary>
public sealed class PlanWarningTests(PoolProvisionerTests.EmulatorFixture fixture) : IClassFixture<PoolProvisionerTests.EmulatorFixture>
{
    [Fact]
    public async Task A_custom_images_depot_under_root_is_a_warning_of_the_plan()
    {
        var definition = SamplePools.CustomImage with
        {
            Id = "root-depot",
            Image = new CustomImageDefinition("/SharedGalleries/gallery/Images/julia") { NodeAgentSku = "batch.node.ubuntu 24.04", JuliaDepotPath = "/root/.julia" },
        };

        var plan = await new PoolProvisioner(fixture.Client).PlanAsync(definition, TestContext.Current.CancellationToken);

        Assert.Equal(PoolPlanAction.Create, plan.Action);
        var warning = Assert.Single(plan.Warnings);
        Assert.Same(DiagnosticCatalogue.JuliaDepotShouldBeReadableByTasks, warning.Rule);
        Assert.Equal(DefinitionTarget.JuliaDepotPath, warning.Target);
        Assert.Contains("warning CHPC0039: JuliaDepotPath '/root/.julia' is under /root", plan.ToString());
        Assert.Empty((await new PoolProvisioner(fixture.Client).PlanAsync(SamplePools.CustomImage with { Id = "opt-depot" }, TestContext.Current.CancellationToken)).Warnings);
    }
}
