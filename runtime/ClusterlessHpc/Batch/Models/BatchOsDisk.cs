namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Settings of a node's OS disk (OSDisk).</summary>
    public sealed class BatchOsDisk
    {
        public BatchDiffDiskSettings? EphemeralOSDiskSettings { get; set; }

        public CachingType? Caching { get; set; }

        public ManagedDisk? ManagedDisk { get; set; }

        public int? DiskSizeGB { get; set; }

        public bool? WriteAcceleratorEnabled { get; set; }
    }
}
