namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A file downloaded to the node before a task runs.</summary>
    public sealed class ResourceFile
    {
        public string? AutoStorageContainerName { get; set; }

        public string? StorageContainerUrl { get; set; }

        public string? HttpUrl { get; set; }

        public string? BlobPrefix { get; set; }

        public string? FilePath { get; set; }

        public string? FileMode { get; set; }

        public BatchNodeIdentityReference? IdentityReference { get; set; }
    }
}
