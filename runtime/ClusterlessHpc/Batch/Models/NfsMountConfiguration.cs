namespace ClusterlessHpc.Batch.Models
{
    /// <summary>An NFS file system mount (NFSMountConfiguration).</summary>
    public sealed class NfsMountConfiguration
    {
        public string Source { get; set; } = "";

        public string RelativeMountPath { get; set; } = "";

        public string? MountOptions { get; set; }
    }
}
