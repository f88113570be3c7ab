using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Benchmarks.Batch;

/// <summary>
/// A 1,000-node pool (the provisioner's request: a Julia startup script inline) reaching idle in Simulate mode with the
/// emulator's default timings (300 ms creating, 300 ms starting, 400 ms start task), waited for through
/// <see cref="BatchPoolReadyOperation"/> polling every 50 ms. Goal: at most 2 s and 300 MB (the Allocated column
/// counts the managed memory of client and emulator together, both in this process).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PoolReadyBenchmarks
{
    private BatchEmulator _emulator = null!;
    private BatchClient _client = null!;
    private int _pools;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _emulator = await BenchmarkPools.StartEmulatorAsync();
        _client = _emulator.CreateClient();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _emulator.DisposeAsync();

    [Benchmark(Description = "1,000 nodes to idle")]
    public async Task<int> ThousandNodesToIdle()
    {
        var id = "thousand-" + Interlocked.Increment(ref _pools);
        var operation = await _client.StartCreatePoolAsync(BenchmarkPools.Create(id, nodes: 1000));
        await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        await _client.DeletePoolAsync(id, CancellationToken.None);
        return operation.Nodes.Count;
    }

    /// <summary>One pool to idle outside BenchmarkDotNet, with the time taken and the process's peak working set.</summary>
    public static async Task<(TimeSpan Elapsed, long PeakWorkingSet, int Nodes)> MeasureOnceAsync()
    {
        await using var emulator = await BenchmarkPools.StartEmulatorAsync();
        var client = emulator.CreateClient();
        var watch = Stopwatch.StartNew();
        var operation = await client.StartCreatePoolAsync(BenchmarkPools.Create("once", nodes: 1000));
        await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (watch.Elapsed, process.PeakWorkingSet64, operation.Nodes.Count);
    }
}
