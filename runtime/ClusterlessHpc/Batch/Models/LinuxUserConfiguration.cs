namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Linux-specific settings of a user account.</summary>
    public sealed class LinuxUserConfiguration
    {
        public int? Uid { get; set; }

        public int? Gid { get; set; }

        public string? SshPrivateKey { get; set; }
    }
}
