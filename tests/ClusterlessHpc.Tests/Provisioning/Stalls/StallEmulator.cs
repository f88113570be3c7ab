using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Tests.Provisioning.Stalls;

/// <summary>An emulator of its own per test (quotas and injected failures are the account's), and the client over its socket.</summary>
internal sealed class StallEmulator : IAsyncDisposable
{
    private readonly BatchEmulator _emulator;

    private StallEmulator(BatchEmulator emulator)
    {
        _emulator = emulator;
        Client = new BatchClient(emulator.Endpoint, emulator.Credential);
    }

    public BatchClient Client { get; }

    public static async Task<StallEmulator> StartAsync(Action<BatchEmulatorOptions>? configure = null)
    {
        var options = new BatchEmulatorOptions
        {
            NodeCreatingDelay = TimeSpan.FromMilliseconds(50),
            NodeStartingDelay = TimeSpan.FromMilliseconds(50),
            StartTaskDelay = TimeSpan.FromMilliseconds(50),
            StopResizeDelay = TimeSpan.FromMilliseconds(50),
        };
        configure?.Invoke(options);
        return new StallEmulator(await BatchEmulator.StartAsync(options));
    }

    public Task CreatePoolAsync(string id, int dedicated = 0, int lowPriority = 0, string vmSize = "Standard_E4s_v3", string? formula = null, bool startTask = false) =>
        Client.CreatePoolAsync(new BatchPoolCreateOptions
        {
            Id = id,
            VmSize = vmSize,
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "Canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
            TargetDedicatedNodes = formula is null ? dedicated : null,
            TargetLowPriorityNodes = formula is null ? lowPriority : null,
            EnableAutoScale = formula is not null ? true : null,
            AutoScaleFormula = formula,
            StartTask = startTask ? new BatchStartTask { CommandLine = "/bin/bash -c true", WaitForSuccess = true } : null,
        });

    /// <summary>Polls until the pool satisfies <paramref name="condition"/>, failing after a few seconds.</summary>
    public async Task<BatchPool> UntilAsync(string poolId, Func<BatchPool, IReadOnlyList<BatchNode>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var pool = (await Client.GetPoolAsync(poolId, timeout.Token)).Value;
            var nodes = await Client.GetNodesAsync(poolId, timeout.Token).ToListAsync(timeout.Token);
            if (condition(pool, nodes)) return pool;
            await Task.Delay(50, timeout.Token);
        }
    }

    public Task<BatchPool> UntilSteadyAsync(string poolId) => UntilAsync(poolId, (pool, _) => pool.AllocationState == AllocationState.Steady);

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();
}
