using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Hosting;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;

namespace ClusterlessHpc.Integration.Tests.Live;

/// <summary>
/// A real Batch account (and optionally a real storage account) named by the environment variables of the design:
/// <c>CHPC_LIVE_BATCH_ENDPOINT</c>, <c>CHPC_LIVE_BATCH_ACCOUNT</c>, <c>CHPC_LIVE_BATCH_KEY</c> and
/// <c>CHPC_LIVE_STORAGE_CONNECTION_STRING</c>. Without them the live tests are skipped and say why (docs/live-testing.md).
/// </summary>
internal static class LiveAccount
{
    public const string EndpointVariable = "CHPC_LIVE_BATCH_ENDPOINT";
    public const string AccountVariable = "CHPC_LIVE_BATCH_ACCOUNT";
    public const string KeyVariable = "CHPC_LIVE_BATCH_KEY";
    public const string StorageVariable = "CHPC_LIVE_STORAGE_CONNECTION_STRING";

    public static string? Endpoint => Read(EndpointVariable);

    public static string? Account => Read(AccountVariable);

    public static string? Key => Read(KeyVariable);

    public static string? StorageConnectionString => Read(StorageVariable);

    public static bool HasBatch => Endpoint is not null && Account is not null && Key is not null;

    public static bool HasStorage => HasBatch && StorageConnectionString is not null;

    public static string BatchSkipReason =>
        $"live Batch tests need {EndpointVariable}, {AccountVariable} and {KeyVariable} (docs/live-testing.md); missing: " +
        string.Join(", ", new[] { (EndpointVariable, Endpoint), (AccountVariable, Account), (KeyVariable, Key) }.Where(v => v.Item2 is null).Select(v => v.Item1));

    public static string StorageSkipReason =>
        HasBatch ? $"live blob delivery tests need {StorageVariable} as well (docs/live-testing.md)" : BatchSkipReason + $", and {StorageVariable}";

    public static BatchClient Client() => new(new Uri(Endpoint!), new AzureNamedKeyCredential(Account!, Key!));

    public static PoolProvisioner Provisioner(IScriptDelivery? delivery = null) => new(Client(), new PoolProvisionerOptions
    {
        ScriptDelivery = delivery,
        FirstPollDelay = TimeSpan.FromSeconds(2),
        MaxPollDelay = TimeSpan.FromSeconds(15),
        // Allocation, the node agent and the start task: the library's default, not a shortcut.
        Timeout = TimeSpan.FromMinutes(30),
    });

    public static IScriptDelivery BlobDelivery(string container) => ScriptDeliveryFactory.Create(new ClusterlessHpcOptions
    {
        Delivery = ScriptDelivery.Blob,
        Storage = new StorageOptions { ConnectionString = StorageConnectionString, Container = container },
    });

    /// <summary>
    /// Runs <paramref name="test"/>, then every cleanup step even when the test or an earlier step failed. A failing test
    /// keeps its own exception (the cleanup errors go to the test's output); cleanup errors alone fail the test, since
    /// something may be left on the account.
    /// </summary>
    public static async Task WithCleanupAsync(Func<Task> test, params Func<Task>[] cleanups)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        try
        {
            await test();
        }
        catch (Exception e)
        {
            failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
        }
        var errors = new List<Exception>();
        foreach (var cleanup in cleanups)
        {
            try
            {
                await cleanup();
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        }
        if (failure is not null)
        {
            foreach (var error in errors) TestContext.Current.TestOutputHelper?.WriteLine("cleanup failed too (delete chpc-live-* by hand): " + error.Message);
            failure.Throw();
        }
        if (errors.Count > 0) throw new AggregateException("Cleanup failed; delete any chpc-live-* pool and container by hand.", errors);
    }

    /// <summary>A pool id no earlier run used, recognisable as a live test's (so a left-over pool is easy to find and delete).</summary>
    public static string PoolId(string purpose) => $"chpc-live-{purpose}-{Guid.NewGuid():N}"[..40];

    private static string? Read(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
