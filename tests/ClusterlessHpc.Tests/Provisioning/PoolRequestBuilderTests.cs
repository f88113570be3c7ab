using System.Text.Json;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>Each declared setting lands in the add-pool body as the Batch REST spec names it.</summary>
public class PoolRequestBuilderTests
{
    private const string Subnet = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/batch";
    private const string RegistryPassword = "canary-registry-password";
    private const string StorageKey = "canary-storage-key";

    private static readonly PoolDefinition Everything = new()
    {
        Id = "everything",
        VmSize = "Standard_E8s_v3",
        NodeCount = 2,
        LowPriorityNodeCount = 3,
        TaskSlotsPerNode = 4,
        InterNodeCommunication = true,
        ResizeTimeoutMinutes = 20,
        Image = new MarketplaceImageDefinition("microsoft-dsvm", "ubuntu-hpc", "2404"),
        Julia = new JuliaDefinition("1.10.5"),
        ContainerImages = ["contoso.azurecr.io/redwood:v1"],
        ContainerRegistries = [new ContainerRegistryDefinition("contoso.azurecr.io") { UserName = "puller", PasswordSetting = "Registries:Contoso:Password" }],
        EnvironmentVariables = [new NameValueDefinition("OMP_NUM_THREADS", "4")],
        Metadata = [new NameValueDefinition("team", "seismic")],
        StartTaskRetryCount = 2,
        WaitForStartTask = false,
        Network = new NetworkDefinition { SubnetId = Subnet, PublicIPAddresses = PublicIPAddressProvisioning.NoPublicIPAddresses },
        Mounts =
        [
            new AzureFilesMountDefinition("contosofiles", "data", "data") { AccountKeySetting = "Storage:FilesKey", MountOptions = "-o vers=3.0" },
            new NfsMountDefinition("10.0.0.4:/exports/scratch", "scratch"),
            new BlobfuseMountDefinition("contosoblobs", "input", "input") { IdentityResourceId = "/subscriptions/s/identities/reader" },
        ],
    };

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Registries:Contoso:Password"] = RegistryPassword,
        ["Storage:FilesKey"] = StorageKey,
    };

    [Fact]
    public void Every_setting_reaches_the_add_pool_body()
    {
        var json = Json(PoolRequestBuilder.Build(Everything, key => Settings.GetValueOrDefault(key)));

        Assert.Equal("everything", json.GetProperty("id").GetString());
        Assert.Equal("Standard_E8s_v3", json.GetProperty("vmSize").GetString());
        Assert.Equal(2, json.GetProperty("targetDedicatedNodes").GetInt32());
        Assert.Equal(3, json.GetProperty("targetLowPriorityNodes").GetInt32());
        Assert.Equal(4, json.GetProperty("taskSlotsPerNode").GetInt32());
        Assert.True(json.GetProperty("enableInterNodeCommunication").GetBoolean());
        Assert.Equal("PT20M", json.GetProperty("resizeTimeout").GetString());
        Assert.False(json.TryGetProperty("enableAutoScale", out _));

        var vm = json.GetProperty("virtualMachineConfiguration");
        Assert.Equal("microsoft-dsvm", vm.GetProperty("imageReference").GetProperty("publisher").GetString());
        Assert.Equal("batch.node.ubuntu 24.04", vm.GetProperty("nodeAgentSKUId").GetString());
        var containers = vm.GetProperty("containerConfiguration");
        Assert.Equal("dockerCompatible", containers.GetProperty("type").GetString());
        Assert.Equal("contoso.azurecr.io/redwood:v1", containers.GetProperty("containerImageNames")[0].GetString());
        var registry = containers.GetProperty("containerRegistries")[0];
        Assert.Equal(("contoso.azurecr.io", "puller", RegistryPassword),
            (registry.GetProperty("registryServer").GetString(), registry.GetProperty("username").GetString(), registry.GetProperty("password").GetString()));

        var startTask = json.GetProperty("startTask");
        Assert.Equal(2, startTask.GetProperty("maxTaskRetryCount").GetInt32());
        Assert.False(startTask.GetProperty("waitForSuccess").GetBoolean());
        Assert.Equal("pool", startTask.GetProperty("userIdentity").GetProperty("autoUser").GetProperty("scope").GetString());
        var environment = startTask.GetProperty("environmentSettings").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString());
        Assert.Equal("4", environment["OMP_NUM_THREADS"]);
        Assert.True(environment.ContainsKey(InlineScriptDelivery.ScriptVariable));

        var metadata = json.GetProperty("metadata").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetString());
        Assert.Equal("seismic", metadata["team"]);
        Assert.Equal(ClusterlessHpc.Scripts.StartupScriptRenderer.DefinitionHash(Everything), metadata[PoolRequestBuilder.DefinitionHashMetadata]);

        var network = json.GetProperty("networkConfiguration");
        Assert.Equal(Subnet, network.GetProperty("subnetId").GetString());
        Assert.Equal("nopublicipaddresses", network.GetProperty("publicIPAddressConfiguration").GetProperty("provision").GetString());

        var mounts = json.GetProperty("mountConfiguration");
        var files = mounts[0].GetProperty("azureFileShareConfiguration");
        Assert.Equal("https://contosofiles.file.core.windows.net/data", files.GetProperty("azureFileUrl").GetString());
        Assert.Equal(StorageKey, files.GetProperty("accountKey").GetString());
        Assert.Equal("-o vers=3.0", files.GetProperty("mountOptions").GetString());
        Assert.Equal("10.0.0.4:/exports/scratch", mounts[1].GetProperty("nfsMountConfiguration").GetProperty("source").GetString());
        Assert.Equal("/subscriptions/s/identities/reader",
            mounts[2].GetProperty("azureBlobFileSystemConfiguration").GetProperty("identityReference").GetProperty("resourceId").GetString());
    }

    [Fact]
    public void Autoscale_pools_send_the_formula_and_no_targets()
    {
        var pool = new PoolDefinition { Id = "scaled", AutoScale = new AutoScaleDefinition("$TargetDedicatedNodes = 2;") { EvaluationIntervalMinutes = 5 } };

        var json = Json(PoolRequestBuilder.Build(pool));

        Assert.True(json.GetProperty("enableAutoScale").GetBoolean());
        Assert.Equal("$TargetDedicatedNodes = 2;", json.GetProperty("autoScaleFormula").GetString());
        Assert.Equal("PT5M", json.GetProperty("autoScaleEvaluationInterval").GetString());
        Assert.False(json.TryGetProperty("targetDedicatedNodes", out _));
        Assert.False(json.TryGetProperty("resizeTimeout", out _));
    }

    [Theory]
    [InlineData("Standard_D4ps_v5", "server-arm64")]
    [InlineData("Standard_D4s_v5", "server")]
    public void The_default_image_follows_the_vm_sizes_architecture(string vmSize, string sku)
    {
        var json = Json(PoolRequestBuilder.Build(new PoolDefinition { Id = "arch", VmSize = vmSize }));

        Assert.Equal(sku, json.GetProperty("virtualMachineConfiguration").GetProperty("imageReference").GetProperty("sku").GetString());
    }

    [Fact]
    public void Custom_images_use_the_gallery_id_and_the_declared_agent()
    {
        var pool = new PoolDefinition { Id = "custom", Image = new CustomImageDefinition("/SharedGalleries/contoso/Images/julia/Versions/1.0.0") { NodeAgentSku = "batch.node.ubuntu 22.04" } };

        var vm = Json(PoolRequestBuilder.Build(pool)).GetProperty("virtualMachineConfiguration");

        Assert.Equal("/SharedGalleries/contoso/Images/julia/Versions/1.0.0", vm.GetProperty("imageReference").GetProperty("sharedGalleryImageId").GetString());
        Assert.Equal("batch.node.ubuntu 22.04", vm.GetProperty("nodeAgentSKUId").GetString());
    }

    [Fact]
    public void A_missing_secret_setting_is_named_and_no_value_is_shown()
    {
        var error = Assert.Throws<MissingSettingException>(() => PoolRequestBuilder.Build(Everything, key => key == "Storage:FilesKey" ? StorageKey : null));

        Assert.Equal("Registries:Contoso:Password", error.SettingKey);
        Assert.Contains("'Registries:Contoso:Password'", error.Message);
        Assert.DoesNotContain(StorageKey, error.Message);
    }

    [Fact]
    public void Every_missing_secret_setting_is_found_with_what_it_is_for()
    {
        var missing = PoolRequestBuilder.FindMissingSettings(Everything, _ => null);

        Assert.Equal(
            [
                new MissingSetting("everything", "Registries:Contoso:Password", "the password of registry 'contoso.azurecr.io'"),
                new MissingSetting("everything", "Storage:FilesKey", "the key of storage account 'contosofiles'"),
            ],
            missing);
        Assert.Empty(PoolRequestBuilder.FindMissingSettings(Everything, key => key == "Storage:FilesKey" ? StorageKey : RegistryPassword));
    }

    private static JsonElement Json(ClusterlessHpc.Batch.Models.BatchPoolCreateOptions request) =>
        JsonDocument.Parse(JsonSerializer.Serialize(request, BatchJsonContext.Default.BatchPoolCreateOptions)).RootElement;
}
