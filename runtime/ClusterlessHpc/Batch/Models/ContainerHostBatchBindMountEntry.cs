namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A node directory mounted into a task container.</summary>
    public sealed class ContainerHostBatchBindMountEntry
    {
        public ContainerHostDataPath? Source { get; set; }

        public bool? IsReadOnly { get; set; }
    }
}
