using Azure;
using Azure.Storage.Blobs;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;

namespace ClusterlessHpc.Integration.Tests.Live;

/// <summary>
/// The integration path against real Azure Batch (and Azure Storage): plan, create, re-apply, boot, drift, delete. Each test
/// is skipped, with the reason, unless the live variables name an account; each deletes what it made, even when it fails.
/// </summary>
public sealed class LiveBatchTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_empty_pool_is_planned_created_found_as_it_is_reported_on_drift_and_deleted()
    {
        Assert.SkipUnless(LiveAccount.HasBatch, LiveAccount.BatchSkipReason);
        var provisioner = LiveAccount.Provisioner();
        var definition = new PoolDefinition { Id = LiveAccount.PoolId("empty"), VmSize = "Standard_D2s_v3", NodeCount = 0 };
        await LiveAccount.WithCleanupAsync(async () =>
        {
            Assert.Equal(PoolPlanAction.Create, (await provisioner.PlanAsync(definition, Cancel)).Action);

            var pool = await provisioner.ApplyAsync(definition, cancellationToken: Cancel);
            var again = await provisioner.ApplyAsync(definition, cancellationToken: Cancel);
            var drift = await Assert.ThrowsAsync<PoolDriftException>(() => provisioner.ApplyAsync(definition with { VmSize = "Standard_D4s_v3" }, cancellationToken: Cancel));

            Assert.Equal((definition.Id, 0), (pool.Id, pool.CurrentDedicatedNodes));
            Assert.Equal(pool.CreationTime, again.CreationTime);
            Assert.Equal(PoolPlanAction.NoChange, (await provisioner.PlanAsync(definition, Cancel)).Action);
            Assert.Equal("vmSize", Assert.Single(drift.Plan.Differences).Property);
        }, () => provisioner.DeleteAsync(definition.Id, CancellationToken.None));
        Assert.False((await LiveAccount.Client().PoolExistsAsync(definition.Id, cancellationToken: Cancel)).Value);
    }

    [Fact]
    public async Task One_node_runs_the_generated_startup_script_and_a_reboot_finds_it_installed()
    {
        Assert.SkipUnless(LiveAccount.HasBatch, LiveAccount.BatchSkipReason);
        var provisioner = LiveAccount.Provisioner();
        var client = LiveAccount.Client();
        var definition = new PoolDefinition
        {
            Id = LiveAccount.PoolId("node"),
            VmSize = "Standard_D2s_v3",
            NodeCount = 1,
            StartupSteps = [new StartupStepDefinition("echo \"step ran on $AZ_BATCH_NODE_ID\"")],
        };
        await LiveAccount.WithCleanupAsync(async () =>
        {
            var pool = await provisioner.ApplyAsync(definition, cancellationToken: Cancel);
            var node = await SingleNodeAsync(client, definition.Id);
            var first = (await client.GetNodeFileAsync(definition.Id, node.Id!, BatchClient.StartTaskStdOutPath, cancellationToken: Cancel)).Value.ToString();

            await client.RebootNodeAsync(definition.Id, node.Id!, cancellationToken: Cancel);
            await WaitForRebootAsync(client, definition.Id, node.Id!, node.StartTaskInfo!.StartTime);
            var second = (await client.GetNodeFileAsync(definition.Id, node.Id!, BatchClient.StartTaskStdOutPath, cancellationToken: Cancel)).Value.ToString();

            Assert.Equal(1, pool.CurrentDedicatedNodes);
            Assert.Contains("step ran on " + node.Id, first);
            Assert.Contains("installed", first);
            Assert.DoesNotContain("already installed", first);
            Assert.Contains("already installed", second);
        }, () => provisioner.DeleteAsync(definition.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Blob_delivery_puts_the_script_in_storage_and_the_node_runs_it()
    {
        Assert.SkipUnless(LiveAccount.HasStorage, LiveAccount.StorageSkipReason);
        var container = "chpc-live-" + Guid.NewGuid().ToString("N")[..12];
        var provisioner = LiveAccount.Provisioner(LiveAccount.BlobDelivery(container));
        var definition = new PoolDefinition { Id = LiveAccount.PoolId("blob"), VmSize = "Standard_D2s_v3", NodeCount = 1 };
        var blobs = new BlobContainerClient(LiveAccount.StorageConnectionString, container);
        await LiveAccount.WithCleanupAsync(async () =>
        {
            var pool = await provisioner.ApplyAsync(definition, cancellationToken: Cancel);
            var names = new List<string>();
            await foreach (var blob in blobs.GetBlobsAsync(cancellationToken: Cancel)) names.Add(blob.Name);

            Assert.Equal(1, pool.CurrentDedicatedNodes);
            Assert.Equal(BlobDelivery.CommandLine, pool.StartTask!.CommandLine);
            Assert.Equal(BlobDelivery.BlobName(Sha256(Scripts.StartupScriptRenderer.Render(definition))), Assert.Single(names));
        },
        () => provisioner.DeleteAsync(definition.Id, CancellationToken.None),
        () => blobs.DeleteIfExistsAsync(cancellationToken: CancellationToken.None));
    }

    [Fact]
    public async Task Bodiless_delete_and_post_are_signed_as_the_service_expects()
    {
        // Costs nothing: a signature of bodiless requests the service does not accept answers 403 here. Run it alone
        // first on a new account (docs/live-testing.md), since the other tests' cleanup sends such requests.
        Assert.SkipUnless(LiveAccount.HasBatch, LiveAccount.BatchSkipReason);
        var client = LiveAccount.Client();
        var missing = LiveAccount.PoolId("none");

        var delete = await Assert.ThrowsAsync<RequestFailedException>(() => client.DeletePoolAsync(missing, Cancel));
        var disable = await Assert.ThrowsAsync<RequestFailedException>(() => client.DisablePoolAutoScaleAsync(missing, Cancel));

        Assert.Equal((404, "PoolNotFound"), (delete.Status, delete.ErrorCode));
        Assert.Equal((404, "PoolNotFound"), (disable.Status, disable.ErrorCode));
    }

    [Fact]
    public async Task The_service_refuses_a_wrong_key_with_an_error_that_does_not_show_it()
    {
        Assert.SkipUnless(LiveAccount.HasBatch, LiveAccount.BatchSkipReason);
        var wrongKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        var client = new BatchClient(new Uri(LiveAccount.Endpoint!), new AzureNamedKeyCredential(LiveAccount.Account!, wrongKey));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetPoolAsync("chpc-live-none", Cancel));

        Assert.Equal(403, error.Status);
        Assert.DoesNotContain(wrongKey, error.ToString());
        Assert.DoesNotContain(LiveAccount.Key!, error.ToString());
    }

    [Fact]
    public async Task The_account_supports_the_catalogues_default_image()
    {
        Assert.SkipUnless(LiveAccount.HasBatch, LiveAccount.BatchSkipReason);
        var image = Images.ImageCatalogue.DefaultFor(new PoolDefinition { Id = "any" });
        var supported = new List<BatchSupportedImage>();
        await foreach (var item in LiveAccount.Client().GetSupportedImagesAsync(cancellationToken: Cancel)) supported.Add(item);

        Assert.Contains(supported, s => string.Equals(s.NodeAgentSkuId, image.NodeAgentSkuId, StringComparison.OrdinalIgnoreCase) &&
                                        string.Equals(s.ImageReference?.Offer, image.Offer, StringComparison.OrdinalIgnoreCase) &&
                                        string.Equals(s.ImageReference?.Sku, image.Sku, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<BatchNode> SingleNodeAsync(BatchClient client, string poolId)
    {
        var nodes = new List<BatchNode>();
        await foreach (var node in client.GetNodesAsync(poolId, Cancel)) nodes.Add(node);
        return Assert.Single(nodes);
    }

    /// <summary>Waits until the node is idle with a start task that began after <paramref name="firstStart"/> and completed.</summary>
    private static async Task WaitForRebootAsync(BatchClient client, string poolId, string nodeId, DateTimeOffset firstStart)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(15);
        while (DateTime.UtcNow < deadline)
        {
            var node = (await client.GetNodeAsync(poolId, nodeId, cancellationToken: Cancel)).Value;
            if (node.State == BatchNodeState.Idle && node.StartTaskInfo is { State: var state, StartTime: var start } &&
                state == BatchStartTaskState.Completed && start > firstStart) return;
            await Task.Delay(TimeSpan.FromSeconds(10), Cancel);
        }
        throw new TimeoutException($"Node {nodeId} was not idle again within 15 minutes of its reboot.");
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
