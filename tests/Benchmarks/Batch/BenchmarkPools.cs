using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Benchmarks.Batch;

/// <summary>The pools the Batch benchmarks create, and the emulator they run on.</summary>
internal static class BenchmarkPools
{
    public static Task<BatchEmulator> StartEmulatorAsync() => BatchEmulator.StartAsync(new BatchEmulatorOptions
    {
        MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.None,
        DedicatedNodeQuota = 1_000_000,
    });

    /// <summary>A pool as the provisioner makes it: the quickstart's kind of definition, its script inline in the start task.</summary>
    public static BatchPoolCreateOptions Create(string id, int nodes) => PoolRequestBuilder.Build(new PoolDefinition
    {
        Id = id,
        VmSize = "Standard_D4s_v5",
        NodeCount = nodes,
        Julia = new JuliaDefinition("1.10.5"),
        JuliaPackages = [new JuliaPackageDefinition("IterativeSolvers")],
    });
}
