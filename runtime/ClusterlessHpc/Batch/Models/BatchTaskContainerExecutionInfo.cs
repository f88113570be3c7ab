namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A task's container (TaskContainerExecutionInformation).</summary>
    public sealed class BatchTaskContainerExecutionInfo
    {
        public string? ContainerId { get; init; }

        public string? State { get; init; }

        public string? Error { get; init; }
    }
}
