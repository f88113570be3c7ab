using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>How a task ran (TaskExecutionInformation).</summary>
    public sealed class BatchTaskExecutionInfo
    {
        public DateTimeOffset? StartTime { get; init; }

        public DateTimeOffset? EndTime { get; init; }

        public int? ExitCode { get; init; }

        public BatchTaskContainerExecutionInfo? ContainerInfo { get; init; }

        public BatchTaskFailureInfo? FailureInfo { get; init; }

        public int RetryCount { get; init; }

        public DateTimeOffset? LastRetryTime { get; init; }

        public int RequeueCount { get; init; }

        public DateTimeOffset? LastRequeueTime { get; init; }

        public BatchTaskExecutionResult? Result { get; init; }
    }
}
