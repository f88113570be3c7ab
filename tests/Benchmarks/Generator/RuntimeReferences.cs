using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>The metadata references every benchmark compilation uses: this runtime's System assemblies.</summary>
internal static class RuntimeReferences
{
    /// <summary>The runtime's System, netstandard and mscorlib assemblies.</summary>
    public static ImmutableArray<MetadataReference> System { get; } =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

    /// <summary>The same, with the ClusterlessHpc runtime that declares the pool attributes.</summary>
    public static ImmutableArray<MetadataReference> WithPools { get; } =
        System.Add(MetadataReference.CreateFromFile(typeof(BatchPoolAttribute).Assembly.Location));
}
