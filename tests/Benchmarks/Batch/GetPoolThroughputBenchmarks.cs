using BenchmarkDotNet.Attributes;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Benchmarks.Batch;

/// <summary>
/// GET pool requests per second that the emulator serves to <see cref="BatchClient"/>s in the same process, with
/// <see cref="Concurrency"/> requests in flight. Each operation is one request (<c>OperationsPerInvoke</c>), so the
/// requests per second are 1 s divided by the Mean.
/// </summary>
public class GetPoolThroughputBenchmarks
{
    private const int RequestsPerInvoke = 2000;
    private const string PoolId = "throughput";

    private BatchEmulator _emulator = null!;
    private BatchClient _client = null!;

    [Params(1, 8)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _emulator = await BenchmarkPools.StartEmulatorAsync();
        _client = _emulator.CreateClient();
        await _client.CreatePoolAsync(BenchmarkPools.Create(PoolId, nodes: 4));
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _emulator.DisposeAsync();

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke, Description = "GET pool")]
    public async Task GetPool()
    {
        var perWorker = RequestsPerInvoke / Concurrency;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = 0; i < perWorker; i++) await _client.GetPoolAsync(PoolId, CancellationToken.None);
        }));
    }
}
