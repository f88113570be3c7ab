namespace ClusterlessHpc.Batch.Models
{
    /// <summary>How tasks are spread over nodes (TaskSchedulingPolicy).</summary>
    public sealed class BatchTaskSchedulingPolicy
    {
        public BatchNodeFillType NodeFillType { get; set; }

        /// <summary>How tasks of equal-priority jobs are ordered (2025-06-01 on; older versions leave it out).</summary>
        public BatchJobDefaultOrder? JobDefaultOrder { get; set; }
    }
}
