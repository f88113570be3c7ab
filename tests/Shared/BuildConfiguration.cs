namespace ClusterlessHpc.Testing;

/// <summary>The configuration (Debug or Release) the tests were built in, so they find sibling outputs of the same build.</summary>
internal static class BuildConfiguration
{
    public static string Name { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
}
