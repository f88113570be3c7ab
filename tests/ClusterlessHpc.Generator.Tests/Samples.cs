namespace ClusterlessHpc.Generator.Tests;

/// <summary>Pool declarations the generator tests compile.</summary>
internal static class Samples
{
    public const string Redwood = """
        using ClusterlessHpc;

        namespace Contoso.Pools;

        [BatchPool("redwood", VmSize = "Standard_E8s_v3", NodeCount = 2)]
        [Julia("1.5.2")]
        [JuliaPackage("IterativeSolvers")]
        [JuliaPackage("JOLI", Url = "https://github.com/slimgroup/JOLI.jl", Develop = true)]
        public partial class RedwoodPool;
        """;

    public const string Nested = """
        using ClusterlessHpc;

        public static partial class Cluster
        {
            [BatchPool("small", LowPriorityNodeCount = 3)]
            internal partial class Small;
        }
        """;

    public const string Unrelated = """
        namespace Contoso;

        public class Unrelated
        {
            public int Value => 42;
        }
        """;
}
