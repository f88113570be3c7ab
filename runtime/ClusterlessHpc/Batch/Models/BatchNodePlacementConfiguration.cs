namespace ClusterlessHpc.Batch.Models
{
    /// <summary>How nodes are placed across zones (NodePlacementConfiguration).</summary>
    public sealed class BatchNodePlacementConfiguration
    {
        public BatchNodePlacementPolicyType? Policy { get; set; }
    }
}
