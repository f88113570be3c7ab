using ClusterlessHpc.Emulator;
using ClusterlessHpc.Emulator.Faults;
using ClusterlessHpc.Reliability;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>
/// Apply converges through failing requests: the short, seeded version of <c>Benchmarks -- faults 200</c> (docs/reliability.md),
/// and the single faults it is made of, each forced once.
/// </summary>
public sealed class FaultRunTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _azurite;

    public FaultRunTests(AzuriteFixture azurite) => _azurite = azurite;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ten_seeded_apply_runs_through_20_percent_failing_requests_converge_with_each_pool_created_once()
    {
        // Ten client retries: a fault that outlasts the default three is OutlastingFaultTests' subject, and would make this
        // test fail at random until the provisioner retries such faults itself.
        var result = await FaultCampaign.RunAsync(new FaultCampaignOptions { Runs = 10, Seed = 8, MaxRetries = 10 }, cancellationToken: Cancel);
        TestContext.Current.SendDiagnosticMessage(result.Summary());

        Assert.True(result.FailedAttempts > 5, result.Summary());
        Assert.True(result.Holds, result.Summary());
        Assert.Equal(20, result.IdleNodes);
    }

    [Fact]
    public async Task Ten_seeded_runs_with_blob_delivery_through_failing_Batch_and_storage_requests_leave_exactly_the_scripts_blobs()
    {
        var options = new FaultCampaignOptions
        {
            Runs = 10, Seed = 9, MaxRetries = 10, BlobConnectionString = _azurite.ConnectionString, BlobContainer = "faults" + Guid.NewGuid().ToString("N"),
        };

        var result = await FaultCampaign.RunAsync(options, cancellationToken: Cancel);
        TestContext.Current.SendDiagnosticMessage(result.Summary());

        Assert.True(result.StorageFailures > 0, result.Summary());
        Assert.True(result.Holds, result.Summary());
        Assert.Equal(result.ExpectedBlobs.Order(StringComparer.Ordinal), result.Blobs.Order(StringComparer.Ordinal));
        Assert.All(result.Blobs, b => Assert.Matches("^clusterlesshpc/scripts/[0-9a-f]{64}\\.sh$", b));
    }

    [Fact]
    public async Task A_create_whose_201_is_lost_is_retried_into_PoolExists_and_recognised_as_the_same_pool()
    {
        await using var emulator = await BatchEmulator.StartAsync(ConcurrentApplies.FastEmulator(), Cancel);
        var handler = new ClientFaults(1, lostResponseRate: 1, scope: ClientFaults.IsCreate, maxLost: 1);
        var definition = FaultCampaign.Definition("lost-create", nodes: 2);

        var result = await ConcurrentApplies.RunAsync(emulator, [definition], handler, cancellationToken: Cancel);

        Assert.Equal(1, handler.LostCreates);
        Assert.Equal(2, Assert.Single(result.Outcomes).Ready?.CurrentDedicatedNodes);
        Assert.Equal("lost-create", Assert.Single(result.Pools).Id);
        Assert.Equal(1, result.Creates["lost-create"]);
        Assert.Equal(1, handler.Statuses.GetValueOrDefault(409));
        Assert.Equal(0, result.Deletes);
    }

    [Fact]
    public async Task A_connection_reset_before_the_server_is_retried_and_the_pool_is_made_once()
    {
        var faults = new FaultInjectionOptions();
        faults.Rules.Add(new FaultRule { Method = "POST", Path = "/pools", ConnectionResetRate = 1, MaxFaults = 2 });
        var options = ConcurrentApplies.FastEmulator();
        options.Faults = faults;
        await using var emulator = await BatchEmulator.StartAsync(options, Cancel);

        var result = await ConcurrentApplies.RunAsync(emulator, [FaultCampaign.Definition("reset-create", nodes: 1)], cancellationToken: Cancel);

        Assert.Equal(2, emulator.FaultsInjected);
        Assert.NotNull(Assert.Single(result.Outcomes).Ready);
        Assert.Equal(1, result.Creates["reset-create"]);
    }
}
