using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>
/// Plan and apply judge a node agent's retirement date by the provisioner's clock: a warning in the 90 days before it,
/// and from the date on no new pool on it (nothing sent), while an existing one is still planned and found.
/// </summary>
public sealed class RetirementTests(PoolProvisionerTests.EmulatorFixture fixture) : IClassFixture<PoolProvisionerTests.EmulatorFixture>
{
    // Batch retires batch.node.ubuntu 22.04, and with it this image, on 2027-06-30.
    private static PoolDefinition OnUbuntu2204(string id) =>
        new() { Id = id, NodeCount = 1, Image = new MarketplaceImageDefinition("microsoft-dsvm", "ubuntu-hpc", "2204") };

    private const string Replacement = "microsoft-dsvm:ubuntu-hpc:2404 with 'batch.node.ubuntu 24.04'";

    private PoolProvisioner Provisioner(DayClock clock, DriftPolicy drift = DriftPolicy.Fail) =>
        new(fixture.Client, new PoolProvisionerOptions { TimeProvider = clock, Timeout = TimeSpan.FromSeconds(30), DriftPolicy = drift });

    [Fact]
    public async Task Plan_warns_from_90_days_before_the_date_and_not_earlier()
    {
        var definition = OnUbuntu2204("retiring-plan");
        var clock = new DayClock(new DateTimeOffset(2027, 3, 31, 23, 0, 0, TimeSpan.Zero));

        var early = await Provisioner(clock).PlanAsync(definition, TestContext.Current.CancellationToken);
        clock.Now = new DateTimeOffset(2027, 4, 1, 0, 30, 0, TimeSpan.Zero);
        var warned = await Provisioner(clock).PlanAsync(definition, TestContext.Current.CancellationToken);

        Assert.Null(early.Retirement);
        // The build-time warning is there on any day; the run-time one only within the 90 days.
        Assert.Contains(early.Warnings, w => w.Rule.Id == "CHPC0044");
        var retirement = Assert.IsType<NodeAgentRetirement>(warned.Retirement);
        Assert.Equal(90, retirement.DaysLeft);
        Assert.False(retirement.HasPassed);
        Assert.False(warned.CreateRefused);
        Assert.Equal(PoolPlanAction.Create, warned.Action);
        Assert.Contains($"node agent 'batch.node.ubuntu 22.04' is retired by Batch on 2027-06-30, in 90 day(s)", warned.ToString());
        Assert.Contains("Move to " + Replacement, warned.ToString());
    }

    [Fact]
    public async Task Apply_on_the_date_refuses_a_new_pool_before_sending_anything()
    {
        var definition = OnUbuntu2204("retired-create");
        var clock = new DayClock(new DateTimeOffset(2027, 6, 30, 8, 0, 0, TimeSpan.Zero));
        var reports = new List<ProvisioningProgress>();

        var plan = await Provisioner(clock).PlanAsync(definition, TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<NodeAgentRetiredException>(() =>
            Provisioner(clock).ApplyAsync(definition, new SyncProgress(reports), TestContext.Current.CancellationToken));

        Assert.True(plan.CreateRefused);
        Assert.EndsWith("; apply refuses to create the pool", plan.ToString());
        Assert.Equal("retired-create", error.PoolId);
        Assert.Contains("was retired by Batch on 2027-06-30", error.Message);
        Assert.Contains("Move to " + Replacement, error.Message);
        Assert.DoesNotContain(reports, r => r.Stage == ProvisioningStage.Creating);
        Assert.False((await fixture.Client.PoolExistsAsync("retired-create", cancellationToken: TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task A_pool_made_before_the_date_is_still_planned_and_found_after_it_but_never_recreated()
    {
        var definition = OnUbuntu2204("retired-existing");
        var clock = new DayClock(new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero));
        var before = new List<ProvisioningProgress>();
        await Provisioner(clock).ApplyAsync(definition, new SyncProgress(before), TestContext.Current.CancellationToken);

        clock.Now = new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var plan = await Provisioner(clock).PlanAsync(definition, TestContext.Current.CancellationToken);
        var after = new List<ProvisioningProgress>();
        var found = await Provisioner(clock).ApplyAsync(definition, new SyncProgress(after), TestContext.Current.CancellationToken);
        // A drifted definition under the recreate policy would delete the pool and then be unable to make it again.
        var drifted = definition with { VmSize = "Standard_D4s_v5" };
        await Assert.ThrowsAsync<NodeAgentRetiredException>(() =>
            Provisioner(clock, DriftPolicy.Recreate).ApplyAsync(drifted, cancellationToken: TestContext.Current.CancellationToken));

        Assert.DoesNotContain(before, r => r.Message.StartsWith("warning:", StringComparison.Ordinal));
        Assert.Equal(PoolPlanAction.NoChange, plan.Action);
        Assert.True(plan.Retirement!.HasPassed);
        Assert.False(plan.CreateRefused);
        Assert.Equal("retired-existing", found.Id);
        Assert.Contains(after, r => r.Message.StartsWith("warning: node agent 'batch.node.ubuntu 22.04' was retired by Batch on 2027-06-30", StringComparison.Ordinal));
        Assert.Contains(after, r => r.Stage == ProvisioningStage.AlreadyExists);
        Assert.True((await fixture.Client.PoolExistsAsync("retired-existing", cancellationToken: TestContext.Current.CancellationToken)).Value);
    }

    /// <summary>A clock whose date the test sets; its timers and timestamps are the system's, so waits still end.</summary>
    private sealed class DayClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class SyncProgress(List<ProvisioningProgress> reports) : IProgress<ProvisioningProgress>
    {
        public void Report(ProvisioningProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
