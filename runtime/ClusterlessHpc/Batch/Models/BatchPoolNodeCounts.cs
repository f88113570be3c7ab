namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A pool's nodes counted by state (PoolNodeCounts).</summary>
    public sealed class BatchPoolNodeCounts
    {
        public string PoolId { get; init; } = "";

        public BatchNodeCounts? Dedicated { get; init; }

        public BatchNodeCounts? LowPriority { get; init; }
    }
}
