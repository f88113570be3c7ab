namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A file or directory on a node (NodeFile).</summary>
    public sealed class BatchNodeFile
    {
        public string? Name { get; init; }

        public string? Url { get; init; }

        public bool? IsDirectory { get; init; }

        public FileProperties? Properties { get; init; }
    }
}
