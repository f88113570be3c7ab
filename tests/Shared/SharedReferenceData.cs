namespace ClusterlessHpc.Testing;

/// <summary>
/// The reference data kept beside the repository, not in it (../shared from the repository root: the Batch REST
/// specification and its examples, the live service's recordings, the autoscale formula corpus, AutoScaleHPC.jl's
/// files). CI clones the repository beside it, so there the tests that read it always run. In a clone without it they
/// report as not run, naming the folder; when the folder is there but a file is missing they fail.
/// </summary>
internal static class SharedReferenceData
{
    public static string Folder { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot.Path, "..", "shared"));

    public static bool Present => Directory.Exists(Folder);

    public static string SkipReason => $"the shared reference data is not beside the repository (no folder {Folder})";

    /// <summary>A path inside the folder, e.g. ("batch-api", "examples").</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Folder, .. parts]);

    /// <summary>Ends the running test as not run when the folder is absent; call before reading any of it.</summary>
    public static void Require() => Assert.SkipUnless(Present, SkipReason);

    /// <summary>
    /// A theory's rows from the folder; one placeholder row when it is absent, so the theory still reports (as not run,
    /// once its body calls <see cref="Require"/>) rather than failing for want of data.
    /// </summary>
    public static IReadOnlyList<string> RowsOrPlaceholder(Func<IEnumerable<string>> rows) =>
        Present ? rows().ToList() : [Absent];

    public const string Absent = "(shared reference data absent)";
}
