namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A blob container mounted with blobfuse.</summary>
    public sealed class AzureBlobFileSystemConfiguration
    {
        public string AccountName { get; set; } = "";

        public string ContainerName { get; set; } = "";

        public string? AccountKey { get; set; }

        public string? SasKey { get; set; }

        public string? BlobfuseOptions { get; set; }

        public string RelativeMountPath { get; set; } = "";

        public BatchNodeIdentityReference? IdentityReference { get; set; }
    }
}
