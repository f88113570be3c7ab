using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// A task as the service reports it (CloudTask). Multi-instance (MPI) tasks, task dependencies and output files are not
    /// supported by this client.
    /// </summary>
    public sealed class BatchTask
    {
        public string? Id { get; init; }

        public string? DisplayName { get; init; }

        public string? Url { get; init; }

        public string? ETag { get; init; }

        public DateTimeOffset? LastModified { get; init; }

        public DateTimeOffset? CreationTime { get; init; }

        public ExitConditions? ExitConditions { get; init; }

        public BatchTaskState? State { get; init; }

        public DateTimeOffset? StateTransitionTime { get; init; }

        public BatchTaskState? PreviousState { get; init; }

        public DateTimeOffset? PreviousStateTransitionTime { get; init; }

        public string? CommandLine { get; init; }

        public BatchTaskContainerSettings? ContainerSettings { get; init; }

        public IReadOnlyList<ResourceFile>? ResourceFiles { get; init; }

        public IReadOnlyList<EnvironmentSetting>? EnvironmentSettings { get; init; }

        public BatchAffinityInfo? AffinityInfo { get; init; }

        public BatchTaskConstraints? Constraints { get; init; }

        public int? RequiredSlots { get; init; }

        public UserIdentity? UserIdentity { get; init; }

        /// <summary>Set once the task has started: its times, exit code, retries and, for a failure, why.</summary>
        public BatchTaskExecutionInfo? ExecutionInfo { get; init; }

        /// <summary>The node the task runs or ran on.</summary>
        public BatchNodeInfo? NodeInfo { get; init; }

        /// <summary>Only with <c>$expand=stats</c>.</summary>
        public BatchTaskStatistics? Stats { get; init; }

        public IReadOnlyList<BatchApplicationPackageReference>? ApplicationPackageReferences { get; init; }

        public AuthenticationTokenSettings? AuthenticationTokenSettings { get; init; }
    }
}
