namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A task that ran on a node recently (TaskInformation).</summary>
    public sealed class BatchTaskInfo
    {
        public string? TaskUrl { get; init; }

        public string? JobId { get; init; }

        public string? TaskId { get; init; }

        public int? SubtaskId { get; init; }

        public BatchTaskState TaskState { get; init; }

        public BatchTaskExecutionInfo? ExecutionInfo { get; init; }
    }
}
