using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Models;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// <c>chpc manifest POOL</c> prints the resolved Manifest.toml: the one the first node published to blob storage, else one
/// a node has in its depot (read through the node files API, from an emulator that executes start tasks).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ManifestCommandTests(EmulatorFixture emulator, AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Hash = "0123456789abcdef";
    private const string Manifest = "julia_version = \"1.10.5\"\nmanifest_format = \"2.0\"\n\n[[deps.Example]]\nuuid = \"7876af07-990d-54b4-ab0e-23690620f79a\"\nversion = \"0.5.3\"\n";
    private readonly string _nodes = Directory.CreateTempSubdirectory("chpc-manifest-nodes-").FullName;
    private BatchEmulator _executing = null!;

    public async ValueTask InitializeAsync() => _executing = await BatchEmulator.StartAsync(new BatchEmulatorOptions
    {
        StartTaskMode = StartTaskMode.Execute,
        AllowDevelopmentKey = true,
        NodesDirectory = _nodes,
        SandboxUidBase = SandboxUids.NextBase(),
        NodeCreatingDelay = TimeSpan.FromMilliseconds(20),
        NodeStartingDelay = TimeSpan.FromMilliseconds(20),
        StartTaskDelay = TimeSpan.FromMilliseconds(20),
    });

    public async ValueTask DisposeAsync()
    {
        await _executing.DisposeAsync();
        Directory.Delete(_nodes, recursive: true);
    }

    [Fact]
    public async Task Without_a_published_manifest_it_reads_a_nodes_manifest_through_the_node_files_api()
    {
        var id = EmulatorFixture.UniqueId("manifest");
        var client = _executing.CreateClient();
        var write = "mkdir -p \"$AZ_BATCH_NODE_SHARED_DIR/clusterlesshpc/depot/environments/v1.10\" && printf %s \"$MANIFEST\" > \"$AZ_BATCH_NODE_SHARED_DIR/clusterlesshpc/depot/environments/v1.10/Manifest.toml\"";
        await client.CreatePoolAsync(Pool(id, new BatchStartTask
        {
            CommandLine = $"/bin/bash -c '{write}'",
            EnvironmentSettings = [new EnvironmentSetting { Name = "MANIFEST", Value = Manifest }],
            WaitForSuccess = true,
        }));
        await WaitForIdleAsync(client, id);

        var result = await new CliEnvironment().RunAsync("manifest", id, "--endpoint", _executing.Endpoint.ToString(),
            "--account", BatchEmulatorOptions.DevelopmentAccountName, "--key", BatchEmulatorOptions.DevelopmentAccountKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Manifest, result.Stdout);
        Assert.Contains($"definition {Hash}), read from node 'tvm-", result.Stderr);
    }

    [Fact]
    public async Task With_blob_storage_it_prints_the_manifest_the_first_node_published_and_refuses_one_that_is_not_whole()
    {
        var container = "chpc" + Guid.NewGuid().ToString("N");
        var blob = azurite.Service.GetBlobContainerClient(container);
        await blob.CreateIfNotExistsAsync();
        var id = EmulatorFixture.UniqueId("manifestblob");
        await emulator.Client.CreatePoolAsync(Pool(id, startTask: null, nodes: 0));
        var environment = new CliEnvironment
        {
            Variables = new Dictionary<string, string>
            {
                ["ClusterlessHpc__Storage__ConnectionString"] = azurite.ConnectionString,
                ["ClusterlessHpc__Storage__Container"] = container,
            },
        };
        var bytes = Encoding.UTF8.GetBytes(Manifest);

        await blob.GetBlobClient(SharedInstallBlobs.ResolvedManifest(Hash)).UploadAsync(BinaryData.FromBytes(bytes[..^10]),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)) } });
        var partial = await environment.RunAsync(["manifest", id, .. emulator.AccountArgs]);
        Assert.Equal(2, partial.ExitCode);
        Assert.Equal("", partial.Stdout);
        Assert.Contains($"no resolved manifest for pool '{id}': container '{container}' has no {SharedInstallBlobs.ResolvedManifest(Hash)}; the pool has no nodes", partial.Stderr);

        await blob.GetBlobClient(SharedInstallBlobs.ResolvedManifest(Hash)).UploadAsync(BinaryData.FromBytes(bytes),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)) } });
        var published = await environment.RunAsync(["manifest", id, .. emulator.AccountArgs]);
        Assert.True(published.ExitCode == 0, published.ToString());
        Assert.Equal(Manifest, published.Stdout);
        Assert.Contains($"published by its first node to container '{container}'", published.Stderr);
        Assert.DoesNotContain(AzuriteFixture.Key, published.Stderr + published.Stdout);
    }

    [Fact]
    public async Task A_pool_not_made_from_a_definition_has_no_manifest()
    {
        var id = await emulator.CreatePoolAsync("manifestplain");

        var result = await emulator.ChpcAsync("manifest", id);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("was not made from a ClusterlessHpc definition", result.Stderr);
    }

    private static BatchPoolCreateOptions Pool(string id, BatchStartTask? startTask, int nodes = 1) => new()
    {
        Id = id,
        VmSize = "standard_d2s_v3",
        VirtualMachineConfiguration = new VirtualMachineConfiguration
        {
            ImageReference = new BatchVmImageReference { Publisher = "canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
            NodeAgentSkuId = "batch.node.ubuntu 24.04",
        },
        TargetDedicatedNodes = nodes,
        StartTask = startTask,
        Metadata = [new BatchMetadataItem { Name = PoolRequestBuilder.DefinitionHashMetadata, Value = Hash }],
    };

    private static async Task WaitForIdleAsync(ClusterlessHpc.Batch.BatchClient client, string id)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await foreach (var node in client.GetNodesAsync(id))
            {
                if (node.State == BatchNodeState.Idle) return;
                if (node.State == BatchNodeState.StartTaskFailed) throw new InvalidOperationException($"the start task of {node.Id} failed");
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("the node did not become idle");
    }
}
