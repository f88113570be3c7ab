using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Benchmarks.Provisioning;

/// <summary>
/// Provisions 100 pools of 10 nodes at once against an in-process emulator whose nodes boot with no delay, and
/// reports the wall time and the Batch requests each pool took (counted on the client's pipeline).
/// <c>dotnet run -c Release --project tests/Benchmarks -- provision [pools] [nodes]</c>
/// </summary>
public static class ProvisioningRun
{
    public static async Task<int> RunAsync(int pools, int nodesPerPool, TextWriter output)
    {
        await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
        {
            NodeCreatingDelay = TimeSpan.Zero,
            NodeStartingDelay = TimeSpan.Zero,
            StartTaskDelay = TimeSpan.Zero,
            DedicatedNodeQuota = pools * nodesPerPool + 1,
        });
        var counter = new RequestCounter();
        var clientOptions = new BatchClientOptions();
        clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var client = new BatchClient(emulator.Endpoint, emulator.Credential, clientOptions);
        var provisioner = new PoolProvisioner(client, new PoolProvisionerOptions { FirstPollDelay = TimeSpan.FromMilliseconds(50), MaxPollDelay = TimeSpan.FromSeconds(1) });

        // One warm-up pool, so the figure is not the first request's connection and JIT cost.
        await provisioner.ApplyAsync(new PoolDefinition { Id = "warm-up", NodeCount = 1 });
        counter.Reset();

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, pools).Select(i =>
            provisioner.ApplyAsync(new PoolDefinition { Id = $"bench-{i:D3}", NodeCount = nodesPerPool, Julia = new JuliaDefinition("1.10.5") })));
        clock.Stop();

        output.WriteLine($"{pools} pools of {nodesPerPool} nodes ready in {clock.Elapsed.TotalSeconds:0.00} s wall (goal: at most 3 s on 2 cores)");
        output.WriteLine($"{counter.Count} Batch requests, {(double)counter.Count / pools:0.0} per pool: " +
                         string.Join(", ", counter.ByOperation.OrderByDescending(o => o.Value).Select(o => $"{o.Value} {o.Key}")));
        return 0;
    }

    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private readonly Dictionary<string, int> _byOperation = new();
        private int _count;

        public int Count => _count;

        public IReadOnlyDictionary<string, int> ByOperation
        {
            get
            {
                lock (_byOperation) return new Dictionary<string, int>(_byOperation);
            }
        }

        public void Reset()
        {
            lock (_byOperation) _byOperation.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        public override void OnSendingRequest(HttpMessage message)
        {
            Interlocked.Increment(ref _count);
            var path = message.Request.Uri.Path;
            var kind = message.Request.Method + " " + (path.EndsWith("/nodes", StringComparison.Ordinal) ? "nodes" : path == "/pools" ? "pools" : path.StartsWith("/supportedimages", StringComparison.Ordinal) ? "supportedimages" : "pool");
            lock (_byOperation) _byOperation[kind] = _byOperation.GetValueOrDefault(kind) + 1;
        }
    }
}
