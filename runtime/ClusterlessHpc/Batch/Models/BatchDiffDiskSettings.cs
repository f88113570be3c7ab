namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Ephemeral OS disk settings (DiffDiskSettings).</summary>
    public sealed class BatchDiffDiskSettings
    {
        public DiffDiskPlacement? Placement { get; set; }
    }
}
