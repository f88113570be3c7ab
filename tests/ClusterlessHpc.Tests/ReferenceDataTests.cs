namespace ClusterlessHpc.Tests;

/// <summary>
/// The reference data (the Batch REST spec and its examples, the service's recordings, the formula corpus,
/// AzureClusterlessHPC.jl's files) is read from ../shared beside the repository, never kept in it.
/// </summary>
public class ReferenceDataTests
{
    [Fact]
    public void No_copy_of_the_reference_data_is_kept_in_the_repository()
    {
        var tests = Path.Combine(RepositoryRoot.Path, "tests");
        var copies = Directory.EnumerateFiles(tests, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f).StartsWith("BatchService.", StringComparison.Ordinal) ||
                        f.EndsWith(".jsonl", StringComparison.Ordinal) ||
                        f.Contains($"{Path.DirectorySeparatorChar}Corpus{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))
            .ToList();

        Assert.Empty(copies);
        Assert.False(Directory.Exists(Path.Combine(tests, "Shared", "BatchApi")));
        Assert.False(Directory.Exists(Path.Combine(tests, "ClusterlessHpc.Tests", "AutoScale", "Corpus")));
    }

    [Fact]
    public void The_shared_folder_holds_every_kind_of_reference_data()
    {
        // Where ../shared is absent (a clone on its own) this reports itself not run, with the reason; CI clones the
        // repository beside it, so there it runs. A CI variable cannot tell the two apart: clones on their own set it too.
        SharedReferenceData.Require();

        Assert.True(File.Exists(SharedReferenceData.Path("batch-api", "BatchService.2024-07-01.20.0.json")));
        Assert.True(File.Exists(SharedReferenceData.Path("batch-api", "BatchService.2025-06-01.21.0.json")));
        Assert.True(File.Exists(SharedReferenceData.Path("batch-recordings", "INDEX.md")));
        Assert.True(File.Exists(SharedReferenceData.Path("autoscale-corpus", "INDEX.md")));
        Assert.True(File.Exists(SharedReferenceData.Path("seed", "pools.md")));
    }
}
