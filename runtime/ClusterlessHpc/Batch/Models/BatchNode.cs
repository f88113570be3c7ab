using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A compute node (ComputeNode).</summary>
    public sealed class BatchNode
    {
        public string? Id { get; init; }

        public string? Url { get; init; }

        public BatchNodeState? State { get; init; }

        public SchedulingState? SchedulingState { get; init; }

        public DateTimeOffset? StateTransitionTime { get; init; }

        public DateTimeOffset? LastBootTime { get; init; }

        public DateTimeOffset? AllocationTime { get; init; }

        public string? IpAddress { get; init; }

        public string? AffinityId { get; init; }

        public string? VmSize { get; init; }

        public int? TotalTasksRun { get; init; }

        public int? RunningTasksCount { get; init; }

        public int? RunningTaskSlotsCount { get; init; }

        public int? TotalTasksSucceeded { get; init; }

        public IReadOnlyList<BatchTaskInfo>? RecentTasks { get; init; }

        public BatchStartTask? StartTask { get; init; }

        public BatchStartTaskInfo? StartTaskInfo { get; init; }

        public IReadOnlyList<BatchCertificateReference>? CertificateReferences { get; init; }

        public IReadOnlyList<BatchNodeError>? Errors { get; init; }

        public bool? IsDedicated { get; init; }

        public BatchNodeEndpointConfiguration? EndpointConfiguration { get; init; }

        public BatchNodeAgentInfo? NodeAgentInfo { get; init; }

        public VirtualMachineInfo? VirtualMachineInfo { get; init; }
    }
}
