using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>
/// Another build of the pool generator (an earlier commit's <c>ClusterlessHpc.Generator.dll</c>), loaded beside this
/// build's in a load context of its own (both have the same assembly name), with Roslyn shared from the default context.
/// </summary>
internal static class BaselineGenerator
{
    public static ISourceGenerator Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"baseline generator '{path}' (from the baseline= argument) does not exist", full);
        var assembly = new AssemblyLoadContext("baseline generator " + full).LoadFromAssemblyPath(full);
        var type = assembly.GetType("ClusterlessHpc.Generator.PoolGenerator", throwOnError: true)!;
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }
}
