using ClusterlessHpc.Legacy;

namespace ClusterlessHpc.Tests.Legacy;

/// <summary>
/// AzureClusterlessHPC.jl files as its users have them (every key of the parameter table; credentials as one
/// object or an array), with canary secrets that must never show up in anything the import produces.
/// </summary>
internal static class LegacySamples
{
    public const string ClientSecretCanary = "canary-client-secret-7Qf9zX";
    public const string StorageKeyCanary = "canary-storage-key-Lm3pR8==";
    public const string InstrumentationKeyCanary = "canary-instrumentation-4e1d";

    public static readonly string[] Canaries = [ClientSecretCanary, StorageKeyCanary, InstrumentationKeyCanary];

    /// <summary>A parameters.json naming every key of the package's table.</summary>
    public const string FullParameters = """
        {
            "_POOL_ID": "redwood",
            "_POOL_COUNT": "3",
            "_NODE_COUNT_PER_POOL": "4",
            "_POOL_VM_SIZE": "Standard_E8s_v3",
            "_NODE_OS_PUBLISHER": "Canonical",
            "_NODE_OS_OFFER": "UbuntuServer",
            "_NODE_OS_SKU": "18.04",
            "_BLOB_CONTAINER": "RedwoodTemp",
            "_INTER_NODE_CONNECTION": "1",
            "_CONTAINER": "username/redwood:v1.0",
            "_JULIA_DEPOT_PATH": "/opt/julia/depot",
            "_JOB_ID": "redwood-job",
            "_NUM_RETRYS": "2",
            "_MPI_RUN": "1",
            "_NUM_NODES_PER_TASK": "2",
            "_NUM_PROCS_PER_NODE": "8",
            "_OMP_NUM_THREADS": "4",
            "_JULIA_NUM_THREADS": "auto",
            "_PYTHONPATH": "/opt/python/site-packages",
            "_VERBOSE": "0",
            "_STANDARD_OUT_FILE_NAME": "out.txt"
        }
        """;

    /// <summary>One credentials entry as the package's documentation shows it.</summary>
    public static string Entry(string account = "redwoodbatch", string region = "westeurope", string storage = "redwoodstorage") => $$"""
        {
            "_AD_TENANT": "11111111-2222-3333-4444-555555555555",
            "_AD_BATCH_CLIENT_ID": "66666666-7777-8888-9999-000000000000",
            "_AD_SECRET_BATCH": "{{ClientSecretCanary}}",
            "_BATCH_ACCOUNT_URL": "https://{{account}}.{{region}}.batch.azure.com",
            "_BATCH_RESOURCE": "https://batch.core.windows.net/",
            "_STORAGE_ACCOUNT_NAME": "{{storage}}",
            "_STORAGE_ACCOUNT_KEY": "{{StorageKeyCanary}}",
            "_APP_INSIGHTS_APP_ID": "app-id-123",
            "_APP_INSIGHTS_INSTRUMENTATION_KEY": "{{InstrumentationKeyCanary}}"
        }
        """;

    public static string Credentials(int accounts) =>
        "[" + string.Join(",", Enumerable.Range(1, accounts).Select(i => Entry($"account{i}", "eastus", $"storage{i}"))) + "]";

    // One folder for the test run, removed when the process ends: the files hold credential-shaped test values.
    private static readonly Lazy<string> Scratch = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("chpc-legacy-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        return root;
    });

    /// <summary>Writes <paramref name="text"/> to a fresh file named <paramref name="name"/> and returns its path.</summary>
    public static string WriteFile(string name, string text)
    {
        var folder = Path.Combine(Scratch.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The exception <paramref name="action"/> throws, having checked it names the key and the file.</summary>
    public static LegacyConfigurationException Throws(Action action, string? key, string sourceName)
    {
        var error = Assert.Throws<LegacyConfigurationException>(action);
        Assert.Equal(sourceName, error.SourceName);
        Assert.Equal(key, error.Key);
        Assert.StartsWith(sourceName, error.Message);
        if (key is not null) Assert.Contains(key, error.Message);
        return error;
    }
}
