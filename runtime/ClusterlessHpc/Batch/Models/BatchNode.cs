using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A compute node (ComputeNode).</summary>
    public sealed class BatchNode
    {
        public string? Id { get; init; }

        public string? Url { get; init; }

        public BatchNodeState? State { get; init; }

        public DateTimeOffset? StateTransitionTime { get; init; }

        public DateTimeOffset? LastBootTime { get; init; }

        public DateTimeOffset? AllocationTime { get; init; }

        public string? IpAddress { get; init; }

        public string? AffinityId { get; init; }

        public string? VmSize { get; init; }

        public BatchStartTask? StartTask { get; init; }

        public BatchStartTaskInfo? StartTaskInfo { get; init; }

        public bool? IsDedicated { get; init; }

        public IReadOnlyList<BatchNodeError>? Errors { get; init; }
    }
}
