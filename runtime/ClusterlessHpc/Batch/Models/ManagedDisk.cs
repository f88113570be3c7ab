namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Managed disk settings.</summary>
    public sealed class ManagedDisk
    {
        public StorageAccountType? StorageAccountType { get; set; }

        public BatchVmDiskSecurityProfile? SecurityProfile { get; set; }
    }
}
