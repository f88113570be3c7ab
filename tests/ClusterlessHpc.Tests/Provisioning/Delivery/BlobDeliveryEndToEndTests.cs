using Azure.Storage.Blobs.Models;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Hosting;
using ClusterlessHpc.Provisioning.Delivery;
using static ClusterlessHpc.Tests.Provisioning.Delivery.DeliveryTestSupport;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>
/// Pools whose start task comes from blob delivery, on an emulator that executes start tasks for real: each node
/// downloads its script from Azurite with the policy-bound SAS, checks it and runs it in its sandbox.
/// </summary>
public sealed class BlobDeliveryEndToEndTests : IClassFixture<AzuriteFixture>, IClassFixture<BlobDeliveryEndToEndTests.ExecutingEmulator>
{
    private const string Script = "#!/bin/bash\nset -eu\necho \"delivered by blob to $AZ_BATCH_NODE_ID\" > \"$AZ_BATCH_NODE_SHARED_DIR/marker\"\necho started\n";
    private readonly AzuriteFixture _azurite;
    private readonly BatchClient _client;

    public BlobDeliveryEndToEndTests(AzuriteFixture azurite, ExecutingEmulator emulator)
    {
        _azurite = azurite;
        _client = emulator.Client;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_node_downloads_the_script_with_the_policy_bound_sas_runs_it_and_is_idle()
    {
        var prepared = await ScriptDeliveryFactory.Create(WithConnectionString(_azurite, UniqueContainer())).PrepareAsync(Script, Cancel);
        var id = PoolId("blob");

        await _client.CreatePoolAsync(Pool(id, prepared), Cancel);
        var node = Assert.Single(await WaitForNodesAsync(id, n => n.State == BatchNodeState.Idle));

        Assert.Equal($"delivered by blob to {node.Id}\n", await ReadAsync(id, node.Id!, "shared/marker"));
        Assert.Equal("started\n", await ReadAsync(id, node.Id!, BatchClient.StartTaskStdOutPath));
        var pool = (await _client.GetPoolAsync(id, cancellationToken: Cancel)).Value;
        Assert.Equal(BlobDelivery.CommandLine, pool.StartTask!.CommandLine);
        Assert.Equal("clusterlesshpc-read", Query(Assert.Single(pool.StartTask.ResourceFiles!).HttpUrl!)["si"]);
    }

    [Fact]
    public async Task Auto_sends_a_script_above_the_inline_limit_by_blob_and_the_node_runs_it()
    {
        var prepared = await ScriptDeliveryFactory.Create(WithConnectionString(_azurite, UniqueContainer(), ScriptDelivery.Auto)).PrepareAsync(LimitScripts.TooLarge, Cancel);
        var id = PoolId("auto");
        var pool = Pool(id, prepared);
        pool.StartTask!.EnvironmentSettings!.Add(new EnvironmentSetting { Name = "CHPC_MARKER", Value = "above the limit" });

        await _client.CreatePoolAsync(pool, Cancel);
        var node = Assert.Single(await WaitForNodesAsync(id, n => n.State == BatchNodeState.Idle));

        Assert.Equal(ScriptDelivery.Blob, prepared.Method);
        Assert.Equal("above the limit\n", await ReadAsync(id, node.Id!, "shared/marker"));
        Assert.Equal(LimitScripts.TooLarge, await ReadAsync(id, node.Id!, "startup/wd/clusterlesshpc-startup.sh"));
    }

    [Fact]
    public async Task After_the_policy_is_revoked_a_node_that_joins_cannot_download_the_script_and_its_start_task_fails()
    {
        var delivery = (BlobDelivery)ScriptDeliveryFactory.Create(WithConnectionString(_azurite, UniqueContainer()));
        var prepared = await delivery.PrepareAsync(Script, Cancel);
        var id = PoolId("revoked");
        await _client.CreatePoolAsync(Pool(id, prepared), Cancel);
        var first = Assert.Single(await WaitForNodesAsync(id, n => n.State == BatchNodeState.Idle));
        await WaitForSteadyAsync(id);

        await delivery.RevokeAccessPolicyAsync(Cancel);
        await _client.ResizePoolAsync(id, new BatchPoolResizeOptions { TargetDedicatedNodes = 2 }, cancellationToken: Cancel);
        var nodes = await WaitForNodesAsync(id, n => n.Id == first.Id ? n.State == BatchNodeState.Idle : n.State == BatchNodeState.StartTaskFailed, count: 2);
        var joined = nodes.Single(n => n.Id != first.Id);

        var failure = joined.StartTaskInfo!.FailureInfo!;
        Assert.Equal("BlobAccessDenied", failure.Code);
        Assert.Contains(prepared.BlobUri!.ToString(), failure.Message);
        Assert.DoesNotContain("sig=", failure.Message);
        Assert.Null(joined.StartTaskInfo.ExitCode);
    }

    [Fact]
    public async Task A_script_blob_changed_after_the_pool_was_made_is_not_run()
    {
        var name = UniqueContainer();
        var prepared = await ScriptDeliveryFactory.Create(WithConnectionString(_azurite, name)).PrepareAsync(Script, Cancel);
        var blob = _azurite.Service.GetBlobContainerClient(name).GetBlobClient(BlobDelivery.BlobName(prepared.ScriptSha256));
        await blob.UploadAsync(BinaryData.FromString("#!/bin/bash\necho planted > \"$AZ_BATCH_NODE_SHARED_DIR/marker\"\n"),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["sha256"] = prepared.ScriptSha256 } }, Cancel);
        var id = PoolId("changed");

        await _client.CreatePoolAsync(Pool(id, prepared), Cancel);
        var node = Assert.Single(await WaitForNodesAsync(id, n => n.State == BatchNodeState.StartTaskFailed));

        Assert.Equal(1, node.StartTaskInfo!.ExitCode);
        Assert.Contains($"does not have SHA-256 {prepared.ScriptSha256}", await ReadAsync(id, node.Id!, BatchClient.StartTaskStdErrPath));
        await AssertAbsentAsync(id, node.Id!, "shared/marker");
    }

    private static string PoolId(string prefix) => $"delivery-{prefix}-{Guid.NewGuid():N}";

    private static BatchPoolCreateOptions Pool(string id, StartTaskScript prepared)
    {
        var startTask = new BatchStartTask { EnvironmentSettings = [], WaitForSuccess = true };
        prepared.ApplyTo(startTask);
        return new BatchPoolCreateOptions
        {
            Id = id,
            VmSize = "standard_d2s_v3",
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "Canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
            TargetDedicatedNodes = 1,
            StartTask = startTask,
        };
    }

    private async Task<string> ReadAsync(string poolId, string nodeId, string path) =>
        (await _client.GetNodeFileAsync(poolId, nodeId, path, cancellationToken: Cancel)).Value.ToString();

    private async Task AssertAbsentAsync(string poolId, string nodeId, string path)
    {
        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => _client.GetNodeFileAsync(poolId, nodeId, path, cancellationToken: Cancel));
        Assert.Equal(404, error.Status);
    }

    private async Task<List<BatchNode>> WaitForNodesAsync(string poolId, Func<BatchNode, bool> done, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var nodes = new List<BatchNode>();
            await foreach (var node in _client.GetNodesAsync(poolId, Cancel)) nodes.Add(node);
            if (nodes.Count == count && nodes.All(n => done(n) && n.StartTaskInfo?.State == BatchStartTaskState.Completed)) return nodes;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Nodes of {poolId}: {string.Join(", ", nodes.Select(n => n.State))}.");
            await Task.Delay(50, Cancel);
        }
    }

    private async Task WaitForSteadyAsync(string poolId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await _client.GetPoolAsync(poolId, cancellationToken: Cancel)).Value.AllocationState != AllocationState.Steady)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Pool {poolId} is not steady.");
            await Task.Delay(50, Cancel);
        }
    }

    /// <summary>An emulator that executes start tasks, with its own nodes folder and range of sandbox users.</summary>
    public sealed class ExecutingEmulator : IAsyncLifetime
    {
        private readonly string _nodes = Directory.CreateTempSubdirectory("chpc-delivery-nodes-").FullName;
        private BatchEmulator _emulator = null!;

        public BatchClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                StartTaskMode = StartTaskMode.Execute,
                AllowDevelopmentKey = true,
                NodesDirectory = _nodes,
                SandboxUidBase = SandboxUids.NextBase(),
                NodeCreatingDelay = TimeSpan.FromMilliseconds(20),
                NodeStartingDelay = TimeSpan.FromMilliseconds(20),
                StartTaskDelay = TimeSpan.FromMilliseconds(20),
            });
            Client = _emulator.CreateClient();
        }

        public async ValueTask DisposeAsync()
        {
            await _emulator.DisposeAsync();
            Directory.Delete(_nodes, recursive: true);
        }
    }
}
