namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The node a task ran on (ComputeNodeInformation).</summary>
    public sealed class BatchNodeInfo
    {
        public string? AffinityId { get; init; }

        public string? NodeUrl { get; init; }

        public string? PoolId { get; init; }

        public string? NodeId { get; init; }

        public string? TaskRootDirectory { get; init; }

        public string? TaskRootDirectoryUrl { get; init; }
    }
}
