namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Security settings of a managed disk (VMDiskSecurityProfile).</summary>
    public sealed class BatchVmDiskSecurityProfile
    {
        public SecurityEncryptionTypes? SecurityEncryptionType { get; set; }
    }
}
