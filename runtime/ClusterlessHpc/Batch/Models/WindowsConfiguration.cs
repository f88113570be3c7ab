namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Windows settings of a VM.</summary>
    public sealed class WindowsConfiguration
    {
        public bool? EnableAutomaticUpdates { get; set; }
    }
}
