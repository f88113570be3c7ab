using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>The leak sweep in C#: the owner recorded on pools, what is left behind, and that nothing of another owner is touched.</summary>
public sealed class LeftoverSweepTests
{
    private const string Owner = "Redwood.dll";

    private static PoolProvisionerOptions Options(string? source) => new()
    {
        FirstPollDelay = TimeSpan.FromMilliseconds(50), MaxPollDelay = TimeSpan.FromMilliseconds(200), Source = source, Timeout = TimeSpan.FromSeconds(20),
    };

    private static Task<BatchEmulator> StartAsync() => BatchEmulator.StartAsync(new BatchEmulatorOptions
    {
        NodeCreatingDelay = TimeSpan.FromMilliseconds(30),
        NodeStartingDelay = TimeSpan.FromMilliseconds(30),
        StartTaskDelay = TimeSpan.FromMilliseconds(30),
        PoolDeleteDelay = TimeSpan.FromMilliseconds(100),
        JobDeleteDelay = TimeSpan.FromMilliseconds(100),
        NodeLeavingDelay = TimeSpan.FromMilliseconds(30),
    });

    private static Task JobAsync(BatchClient client, string id, string pool, string? owner) =>
        client.CreateJobAsync(new BatchJobCreateOptions
        {
            Id = id,
            PoolInfo = new BatchPoolInfo { PoolId = pool },
            Metadata = owner is null ? null : [new BatchMetadataItem { Name = PoolJobRunner.SourceMetadata, Value = owner }],
        });

    [Fact]
    public async Task Apply_records_the_owner_and_an_owner_recorded_or_not_is_no_drift()
    {
        await using var emulator = await StartAsync();
        var client = emulator.CreateClient();
        var definition = new PoolDefinition { Id = "owned", NodeCount = 1 };

        await new PoolProvisioner(client, Options(Owner)).ApplyAsync(definition);

        var pool = (await client.GetPoolAsync("owned")).Value;
        Assert.Contains(pool.Metadata!, m => m.Name == "clusterlesshpc-source" && m.Value == Owner);
        Assert.Equal(PoolPlanAction.NoChange, (await new PoolProvisioner(client, Options(null)).PlanAsync(definition)).Action);
        Assert.Equal(PoolPlanAction.NoChange, (await new PoolProvisioner(client, Options("Other.dll")).PlanAsync(definition)).Action);
    }

    [Fact]
    public async Task Only_the_owners_undeclared_pools_and_its_jobs_on_them_or_completed_are_found_and_deleted()
    {
        await using var emulator = await StartAsync();
        var client = emulator.CreateClient();
        var mine = new PoolProvisioner(client, Options(Owner));
        await Task.WhenAll(
            mine.ApplyAsync(new PoolDefinition { Id = "kept", NodeCount = 1 }),
            mine.ApplyAsync(new PoolDefinition { Id = "dropped", NodeCount = 2 }),
            new PoolProvisioner(client, Options("Other.dll")).ApplyAsync(new PoolDefinition { Id = "others", NodeCount = 1 }),
            new PoolProvisioner(client, Options(null)).ApplyAsync(new PoolDefinition { Id = "nobodys", NodeCount = 1 }));
        await JobAsync(client, "mine-on-dropped", "dropped", Owner);
        await JobAsync(client, "mine-on-kept", "kept", Owner);
        await JobAsync(client, "mine-done", "kept", Owner);
        await client.TerminateJobAsync("mine-done");
        await JobAsync(client, "others-on-dropped", "dropped", "Other.dll");
        await JobAsync(client, "nobodys-on-dropped", "dropped", null);
        await JobAsync(client, "others-done", "others", "Other.dll");
        await client.TerminateJobAsync("others-done");
        // The emulator's clock is the real one: a completed job counts once it ended longer ago than the age given.
        await Task.Delay(50);

        var young = await mine.FindLeftoversAsync(Owner, [new PoolDefinition { Id = "KEPT" }]);
        var leftovers = await mine.FindLeftoversAsync(Owner, [new PoolDefinition { Id = "KEPT" }], completedJobAge: TimeSpan.FromMilliseconds(10));

        Assert.Equal(["mine-on-dropped"], young.Jobs.Select(j => j.JobId));
        var pool = Assert.Single(leftovers.Pools);
        Assert.Equal(("dropped", 2, 0), (pool.PoolId, pool.DedicatedNodes, pool.LowPriorityNodes));
        Assert.NotNull(pool.CreationTime);
        Assert.Equal(["mine-done", "mine-on-dropped"], leftovers.Jobs.Select(j => j.JobId));
        Assert.Equal("on pool 'dropped', which is left behind", leftovers.Jobs.Single(j => j.JobId == "mine-on-dropped").Reason);
        Assert.StartsWith("completed ", leftovers.Jobs.Single(j => j.JobId == "mine-done").Reason);

        await mine.DeleteLeftoversAsync(leftovers);

        Assert.False((await client.PoolExistsAsync("dropped")).Value);
        var jobs = await client.GetJobsAsync().Select(j => j.Id!).ToListAsync();
        Assert.DoesNotContain("mine-on-dropped", jobs);
        Assert.DoesNotContain("mine-done", jobs);
        Assert.Equal(["mine-on-kept", "nobodys-on-dropped", "others-done", "others-on-dropped"], jobs.Order(StringComparer.Ordinal));
        foreach (var kept in new[] { "kept", "others", "nobodys" }) Assert.True((await client.PoolExistsAsync(kept)).Value, kept);
        Assert.True((await mine.FindLeftoversAsync(Owner, [new PoolDefinition { Id = "kept" }])).IsEmpty);
    }

    [Fact]
    public async Task A_pool_whose_owner_changed_after_the_listing_is_kept()
    {
        await using var emulator = await StartAsync();
        var client = emulator.CreateClient();
        var mine = new PoolProvisioner(client, Options(Owner));
        await mine.ApplyAsync(new PoolDefinition { Id = "handed-over", NodeCount = 1 });
        var leftovers = await mine.FindLeftoversAsync(Owner, []);

        await client.UpdatePoolAsync("handed-over", new BatchPoolUpdateOptions { Metadata = [new BatchMetadataItem { Name = PoolJobRunner.SourceMetadata, Value = "Other.dll" }] });
        await mine.DeleteLeftoversAsync(leftovers);

        Assert.Equal("handed-over", Assert.Single(leftovers.Pools).PoolId);
        Assert.True((await client.PoolExistsAsync("handed-over")).Value);
    }
}
