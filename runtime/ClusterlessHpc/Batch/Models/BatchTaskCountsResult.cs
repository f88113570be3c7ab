namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A job's tasks and their scheduling slots by state (TaskCountsResult).</summary>
    public sealed class BatchTaskCountsResult
    {
        public BatchTaskCounts TaskCounts { get; init; } = new();

        public BatchTaskSlotCounts TaskSlotCounts { get; init; } = new();
    }
}
