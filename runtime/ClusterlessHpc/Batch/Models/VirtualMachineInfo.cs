namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The VM behind a node.</summary>
    public sealed class VirtualMachineInfo
    {
        public BatchVmImageReference? ImageReference { get; init; }

        public string? ScaleSetVmResourceId { get; init; }
    }
}
