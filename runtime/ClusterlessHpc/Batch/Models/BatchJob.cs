using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A job as the service reports it (CloudJob). Task dependencies and auto pools are not supported by this client.</summary>
    public sealed class BatchJob
    {
        public string? Id { get; init; }

        public string? DisplayName { get; init; }

        public string? Url { get; init; }

        public string? ETag { get; init; }

        public DateTimeOffset? LastModified { get; init; }

        public DateTimeOffset? CreationTime { get; init; }

        public BatchJobState? State { get; init; }

        public DateTimeOffset? StateTransitionTime { get; init; }

        public BatchJobState? PreviousState { get; init; }

        public DateTimeOffset? PreviousStateTransitionTime { get; init; }

        public int? Priority { get; init; }

        public bool? AllowTaskPreemption { get; init; }

        public int? MaxParallelTasks { get; init; }

        public BatchJobConstraints? Constraints { get; init; }

        public BatchJobManagerTask? JobManagerTask { get; init; }

        public BatchJobPreparationTask? JobPreparationTask { get; init; }

        public BatchJobReleaseTask? JobReleaseTask { get; init; }

        public IReadOnlyList<EnvironmentSetting>? CommonEnvironmentSettings { get; init; }

        public BatchPoolInfo? PoolInfo { get; init; }

        public OnAllBatchTasksComplete? OnAllTasksComplete { get; init; }

        public OnBatchTaskFailure? OnTaskFailure { get; init; }

        public BatchJobNetworkConfiguration? NetworkConfiguration { get; init; }

        public IReadOnlyList<BatchMetadataItem>? Metadata { get; init; }

        public BatchJobExecutionInfo? ExecutionInfo { get; init; }

        /// <summary>Only with <c>$expand=stats</c>.</summary>
        public BatchJobStatistics? Stats { get; init; }
    }
}
