namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A CIFS/SMB file system mount (CIFSMountConfiguration).</summary>
    public sealed class CifsMountConfiguration
    {
        public string Username { get; set; } = "";

        public string Source { get; set; } = "";

        public string RelativeMountPath { get; set; } = "";

        public string? MountOptions { get; set; }

        public string Password { get; set; } = "";
    }
}
