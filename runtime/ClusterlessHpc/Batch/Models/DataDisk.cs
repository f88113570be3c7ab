namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A data disk attached to each node.</summary>
    public sealed class DataDisk
    {
        public int Lun { get; set; }

        public CachingType? Caching { get; set; }

        public int DiskSizeGB { get; set; }

        public StorageAccountType? StorageAccountType { get; set; }
    }
}
