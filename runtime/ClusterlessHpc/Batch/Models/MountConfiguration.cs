namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A file system mounted on every node; exactly one of its properties is set.</summary>
    public sealed class MountConfiguration
    {
        public AzureBlobFileSystemConfiguration? AzureBlobFileSystemConfiguration { get; set; }

        public NfsMountConfiguration? NfsMountConfiguration { get; set; }

        public CifsMountConfiguration? CifsMountConfiguration { get; set; }

        public AzureFileShareConfiguration? AzureFileShareConfiguration { get; set; }
    }
}
