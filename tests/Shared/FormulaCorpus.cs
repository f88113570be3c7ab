namespace ClusterlessHpc.Testing;

/// <summary>
/// The autoscale formula corpus in the shared reference data (../shared/autoscale-corpus): published formulas with the
/// service's verdict on each. Reading it ends the test as not run where the shared folder is absent.
/// </summary>
internal static class FormulaCorpus
{
    public static string Folder { get; } = SharedReferenceData.Path("autoscale-corpus");

    /// <summary>A file of the corpus by its path inside it, e.g. "valid/06-msdocs-example2-task-based.txt".</summary>
    public static string Read(string relative)
    {
        SharedReferenceData.Require();
        return File.ReadAllText(System.IO.Path.Combine(Folder, relative));
    }

    /// <summary>The corpus' formula files, by path inside it, in a stable order.</summary>
    public static IReadOnlyList<string> Files()
    {
        SharedReferenceData.Require();
        return Directory.GetFiles(Folder, "*.txt", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Folder, f)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every formula's text, in the order of <see cref="Files"/>.</summary>
    public static IReadOnlyList<string> Texts() => Files().Select(Read).ToList();

    /// <summary>The file names of one of its folders ("valid", "invalid", "doubtful") as theory rows.</summary>
    public static TheoryData<string> Rows(string folder) =>
        new(SharedReferenceData.RowsOrPlaceholder(() =>
            Directory.GetFiles(System.IO.Path.Combine(Folder, folder), "*.txt").Select(f => System.IO.Path.GetFileName(f)!).Order(StringComparer.Ordinal)));
}
