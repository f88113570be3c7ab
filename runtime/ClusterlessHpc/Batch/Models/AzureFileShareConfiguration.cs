namespace ClusterlessHpc.Batch.Models
{
    /// <summary>An Azure Files share mount.</summary>
    public sealed class AzureFileShareConfiguration
    {
        public string AccountName { get; set; } = "";

        public string AzureFileUrl { get; set; } = "";

        public string AccountKey { get; set; } = "";

        public string RelativeMountPath { get; set; } = "";

        public string? MountOptions { get; set; }
    }
}
