using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>How a node's start task ran (StartTaskInformation).</summary>
    public sealed class BatchStartTaskInfo
    {
        public BatchStartTaskState State { get; init; }

        public DateTimeOffset StartTime { get; init; }

        public DateTimeOffset? EndTime { get; init; }

        public int? ExitCode { get; init; }

        public BatchTaskContainerExecutionInfo? ContainerInfo { get; init; }

        public BatchTaskFailureInfo? FailureInfo { get; init; }

        public int RetryCount { get; init; }

        public DateTimeOffset? LastRetryTime { get; init; }

        public BatchTaskExecutionResult? Result { get; init; }
    }
}
