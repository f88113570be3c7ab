namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>The pool declaration the generator benchmarks repeat: 3 Julia packages and a 5-statement formula.</summary>
public static class BenchmarkPools
{
    /// <summary>Where a pool's formula (<see cref="Source"/>) sets its maximum: the digits after this text.</summary>
    public const string MaximumMarker = "maxNumberofVMs = ";

    /// <summary>Pool <paramref name="i"/>'s file: class <c>Pool{i}</c>, id <c>pool-{i}</c>, a maximum of 10 to 16 nodes.</summary>
    public static string Source(int i) => $$""""
        using ClusterlessHpc;
        namespace Bench;
        [BatchPool("pool-{{i}}", VmSize = "Standard_E8s_v3")]
        [Julia("1.10.5")]
        [JuliaPackage("IterativeSolvers")]
        [JuliaPackage("JSON", Version = "0.21")]
        [JuliaPackage("JOLI", Url = "https://github.com/slimgroup/JOLI.jl", Develop = true)]
        [AutoScale("""
            startingNumberOfVMs = 1;
            {{MaximumMarker}}{{10 + i % 7}};
            pendingTaskSamplePercent = $PendingTasks.GetSamplePercent(30 * TimeInterval_Second);
            pendingTaskSamples = pendingTaskSamplePercent < 70 ? startingNumberOfVMs : avg($PendingTasks.GetSample(30 * TimeInterval_Second));
            $TargetDedicatedNodes = min(maxNumberofVMs, pendingTaskSamples);
            """, EvaluationIntervalMinutes = 5)]
        public partial class Pool{{i}};
        """";
}
