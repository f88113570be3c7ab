using ClusterlessHpc.Emulator;
using ClusterlessHpc.Hosting;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClusterlessHpc.Tests.Provisioning.Delivery;

/// <summary>The configured delivery reaches the pools the provisioner and the hosted service create.</summary>
public sealed class ProvisionerDeliveryTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _azurite;

    public ProvisionerDeliveryTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task With_blob_delivery_the_pool_downloads_its_script_through_a_policy_bound_sas()
    {
        await using var emulator = await BatchEmulator.StartAsync();
        var container = "delivery" + Guid.NewGuid().ToString("N")[..8];
        var options = new ClusterlessHpcOptions { Delivery = ScriptDelivery.Blob, Storage = new StorageOptions { ConnectionString = _azurite.ConnectionString, Container = container } };
        var provisioner = new PoolProvisioner(emulator.CreateClient(), new PoolProvisionerOptions { ScriptDelivery = ScriptDeliveryFactory.Create(options), FirstPollDelay = TimeSpan.FromMilliseconds(50) });
        var definition = new PoolDefinition { Id = "by-blob", Julia = new JuliaDefinition("1.10.5") };

        await provisioner.ApplyAsync(definition);

        var startTask = (await emulator.CreateClient().GetPoolAsync("by-blob")).Value.StartTask!;
        var file = Assert.Single(startTask.ResourceFiles!);
        Assert.Contains("si=clusterlesshpc-read", file.HttpUrl);
        Assert.Null(InlineScriptDelivery.TryDecode(startTask));
        var blobs = new List<string>();
        await foreach (var blob in _azurite.Service.GetBlobContainerClient(container).GetBlobsAsync()) blobs.Add(blob.Name);
        Assert.Equal([$"clusterlesshpc/scripts/{ClusterlessHpc.Scripts.ContentHash.Of(ClusterlessHpc.Scripts.StartupScriptRenderer.Render(definition), 64)}.sh"], blobs);
        Assert.Equal(PoolPlanAction.NoChange, (await provisioner.PlanAsync(definition)).Action);
    }

    [Fact]
    public async Task Hosting_takes_the_delivery_from_configuration()
    {
        var container = "hosted" + Guid.NewGuid().ToString("N")[..8];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClusterlessHpc:Delivery"] = "Blob",
            ["ClusterlessHpc:Storage:ConnectionString"] = _azurite.ConnectionString,
            ["ClusterlessHpc:Storage:Container"] = container,
            ["ClusterlessHpc:WaitForPoolsAtStartup"] = "true",
        });
        builder.Services.AddClusterlessHpc(builder.Configuration).ProvisionAtStartup(new PoolDefinition { Id = "hosted-blob" });
        builder.Services.AddClusterlessHpcEmulator(o => o.StartTaskDelay = TimeSpan.FromMilliseconds(20));
        using var host = builder.Build();

        await host.StartAsync();

        var client = await host.Services.GetRequiredService<BatchClientFactory>().GetClientAsync();
        var startTask = (await client.GetPoolAsync("hosted-blob")).Value.StartTask!;
        Assert.Contains("si=clusterlesshpc-read", Assert.Single(startTask.ResourceFiles!).HttpUrl);
        await host.StopAsync();
    }
}
