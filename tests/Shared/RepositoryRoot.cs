namespace ClusterlessHpc.Testing;

/// <summary>The repository's root folder, found upwards from the test binaries by its solution file.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ClusterlessHpc.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ClusterlessHpc.sln not found above " + AppContext.BaseDirectory);
    }
}
