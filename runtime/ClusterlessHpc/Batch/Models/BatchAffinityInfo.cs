namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A hint of the node a task would best run on: a node's <see cref="BatchNode.AffinityId"/> (AffinityInformation).</summary>
    public sealed class BatchAffinityInfo
    {
        public string AffinityId { get; set; } = "";
    }
}
