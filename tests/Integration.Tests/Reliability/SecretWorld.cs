using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Hosting;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;
using ClusterlessHpc.Reliability;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>
/// A Batch account and a storage account whose keys are canaries: an emulator that executes start tasks, with
/// <see cref="SecretCanaries.BatchAccountKey"/>, and Azurite with <see cref="SecretCanaries.StorageAccountKey"/>; and a pool
/// whose registry password, Azure Files key and blobfuse SAS come from settings holding the other canaries.
/// </summary>
public sealed class SecretWorld : IAsyncLifetime
{
    public const string StorageAccount = "chpccanary";

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Secrets:RegistryPassword"] = SecretCanaries.RegistryPassword,
        ["Secrets:FilesKey"] = SecretCanaries.StorageAccountKey,
        ["Secrets:DataSas"] = SecretCanaries.Sas,
    };

    private AzuriteProcess? _azurite;
    private string _nodes = "";

    public BatchEmulator Emulator { get; private set; } = null!;

    public string StorageConnectionString => _azurite!.ConnectionString;

    internal SecretCanaries Canaries { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(StorageAccount, SecretCanaries.StorageAccountKey);
        _nodes = Directory.CreateTempSubdirectory("chpc-secrets-").FullName;
        Emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
        {
            AccountName = "canarybatch",
            AccountKey = SecretCanaries.BatchAccountKey,
            StartTaskMode = StartTaskMode.Execute,
            NodesDirectory = _nodes,
            SandboxUidBase = SandboxUids.NextBase(),
            NodeCreatingDelay = TimeSpan.FromMilliseconds(10),
            NodeStartingDelay = TimeSpan.FromMilliseconds(10),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        _azurite?.Dispose();
        Directory.Delete(_nodes, recursive: true);
    }

    /// <summary>A client signing with the canary key, as configuration gives it.</summary>
    public BatchClient Client(int maxRetries = 3)
    {
        var options = new BatchClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return new BatchClient(Emulator.Endpoint, new Azure.AzureNamedKeyCredential("canarybatch", SecretCanaries.BatchAccountKey), options);
    }

    public ClusterlessHpcOptions BlobOptions(string container) => new()
    {
        Delivery = ScriptDelivery.Blob,
        Storage = new StorageOptions { ConnectionString = StorageConnectionString, Container = container },
    };

    public PoolProvisioner Provisioner(BatchClient client, IScriptDelivery? delivery = null, DriftPolicy drift = DriftPolicy.Fail) =>
        new(client, new PoolProvisionerOptions
        {
            Settings = key => Settings.GetValueOrDefault(key),
            ScriptDelivery = delivery,
            DriftPolicy = drift,
            FirstPollDelay = TimeSpan.FromMilliseconds(20),
            MaxPollDelay = TimeSpan.FromMilliseconds(200),
            Timeout = TimeSpan.FromMinutes(1),
        });

    /// <summary>A container pool with a private registry, an Azure Files share and a blobfuse container, each credential a setting.</summary>
    public static PoolDefinition SecretPool(string id, int nodes = 1) => new()
    {
        Id = id,
        NodeCount = nodes,
        ContainerImages = ["canary.azurecr.io/redwood:1.0"],
        ContainerRegistries = [new ContainerRegistryDefinition("canary.azurecr.io") { UserName = "puller", PasswordSetting = "Secrets:RegistryPassword" }],
        Mounts =
        [
            new AzureFilesMountDefinition("canaryfiles", "share", "files") { AccountKeySetting = "Secrets:FilesKey" },
            new BlobfuseMountDefinition("canaryblobs", "data", "data") { SasKeySetting = "Secrets:DataSas" },
        ],
        EnvironmentVariables = [new NameValueDefinition("PLAIN_SETTING", "visible")],
    };

    /// <summary>The SAS signatures in a pool's start task (blob delivery puts one in its resource file's URL).</summary>
    public async Task<IReadOnlyList<string>> SignaturesAsync(string poolId)
    {
        var pool = (await Client().GetPoolAsync(poolId, CancellationToken.None)).Value;
        return (pool.StartTask?.ResourceFiles ?? [])
            .Select(f => f.HttpUrl is { } url ? System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["sig"] ?? "" : "")
            .Where(s => s.Length > 0).ToList();
    }
}
