using System.Security.Cryptography;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;

[assembly: AssemblyFixture(typeof(ClusterlessHpc.Cli.Tests.EmulatorFixture))]

namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// One emulator for the command tests, on a socket, with an account and key of its own (so a test can prove the key is
/// never printed) and fast node timings. Pools whose id starts with "fail" get start tasks that exit with 3; the nodes of
/// <see cref="UnusablePoolId"/> boot unusable.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const int FailingExitCode = 3;

    /// <summary>The pool whose nodes boot unusable (<see cref="BatchEmulatorOptions.UnusableNodes"/>); one test uses it.</summary>
    public const string UnusablePoolId = "unusablewhy";

    public string AccountName { get; } = "clitests";

    public string AccountKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

    public BatchEmulator Emulator { get; private set; } = null!;

    public BatchClient Client { get; private set; } = null!;

    public string Endpoint => Emulator.Endpoint.ToString();

    public async ValueTask InitializeAsync()
    {
        var options = new BatchEmulatorOptions
        {
            AccountName = AccountName,
            AccountKey = AccountKey,
            NodeCreatingDelay = TimeSpan.FromMilliseconds(100),
            NodeStartingDelay = TimeSpan.FromMilliseconds(100),
            StartTaskDelay = TimeSpan.FromMilliseconds(150),
            NodeLeavingDelay = TimeSpan.FromMilliseconds(50),
            PoolDeleteDelay = TimeSpan.FromMilliseconds(50),
            StartTaskExitCode = (poolId, _) => poolId.StartsWith("fail", StringComparison.OrdinalIgnoreCase) ? FailingExitCode : null,
        };
        options.UnusableNodes[UnusablePoolId] = "ApplicationPackageError";
        Emulator = await BatchEmulator.StartAsync(options);
        Client = Emulator.CreateClient();
    }

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();

    /// <summary>The account options that point chpc at this emulator.</summary>
    public string[] AccountArgs => ["--endpoint", Endpoint, "--account", AccountName, "--key", AccountKey];

    /// <summary>Runs chpc against this emulator, with an empty environment and a folder without appsettings.json.</summary>
    internal Task<CliResult> ChpcAsync(params string[] args) => new CliEnvironment().RunAsync([.. args, .. AccountArgs]);

    /// <summary>A pool id no other test uses.</summary>
    public static string UniqueId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>An AzureClusterlessHPC.jl parameters.json for one pool, <paramref name="poolId"/>_1, with <paramref name="nodes"/> nodes.</summary>
    internal static string Parameters(TempFiles files, string poolId, int nodes = 2, string? vmSize = null) =>
        files.Write(poolId + ".json", $$"""
            { "_POOL_ID": "{{poolId}}", "_POOL_NODE_COUNT": "{{nodes}}"{{(vmSize is null ? "" : $", \"_POOL_VM_SIZE\": \"{vmSize}\"")}} }
            """);

    /// <summary>Creates and waits for a pool directly through the client (fixed size, a start task that succeeds).</summary>
    public async Task<string> CreatePoolAsync(string prefix, int nodes = 1, bool autoScale = false)
    {
        var id = UniqueId(prefix);
        var options = new ClusterlessHpc.Batch.Models.BatchPoolCreateOptions
        {
            Id = id,
            VmSize = "standard_d2s_v3",
            VirtualMachineConfiguration = new ClusterlessHpc.Batch.Models.VirtualMachineConfiguration
            {
                ImageReference = new ClusterlessHpc.Batch.Models.BatchVmImageReference { Publisher = "canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
            StartTask = new ClusterlessHpc.Batch.Models.BatchStartTask { CommandLine = "/bin/bash -c 'echo hello'" },
        };
        if (autoScale)
        {
            options.EnableAutoScale = true;
            options.AutoScaleFormula = $"$TargetDedicatedNodes = {nodes};";
            options.AutoScaleEvaluationInterval = TimeSpan.FromMinutes(5);
        }
        else
        {
            options.TargetDedicatedNodes = nodes;
        }
        var ready = await Client.StartCreatePoolAsync(options);
        await ready.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        return id;
    }
}
