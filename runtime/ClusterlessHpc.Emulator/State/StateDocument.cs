using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Emulator.State
{
    /// <summary>What the state file holds: the account's pools and nodes, without anything in flight.</summary>
    internal sealed class StateDocument
    {
        public const int CurrentFormat = 1;

        public int Format { get; set; } = CurrentFormat;

        public string AccountName { get; set; } = "";

        public long LastETag { get; set; }

        public int NodeNumbers { get; set; }

        public int Addresses { get; set; }

        public List<PoolRecord> Pools { get; set; } = [];
    }

    internal sealed class PoolRecord
    {
        public BatchPoolCreateOptions Spec { get; set; } = new();
        public DateTimeOffset CreationTime { get; set; }
        public DateTimeOffset LastModified { get; set; }
        public string ETag { get; set; } = "";
        public long IdNumber { get; set; }
        public int NodesAllocated { get; set; }
        public DateTimeOffset StateTransitionTime { get; set; }
        public DateTimeOffset? DeleteRequestedAt { get; set; }
        public AllocationState Allocation { get; set; }
        public DateTimeOffset AllocationSince { get; set; }
        public DateTimeOffset BusyUntil { get; set; }
        public DateTimeOffset? StoppingUntil { get; set; }
        public int TargetDedicated { get; set; }
        public int TargetLowPriority { get; set; }
        public TimeSpan ResizeTimeout { get; set; }
        public List<ResizeError> ResizeErrors { get; set; } = [];
        public ResizeError? PendingResizeError { get; set; }
        public AutoScaleRun? AutoScaleRun { get; set; }
        public DateTimeOffset? NextEvaluation { get; set; }
        public DateTimeOffset? LastEnableAutoScale { get; set; }
        public JsonElement? Metrics { get; set; }
        public List<NodeRecord> Nodes { get; set; } = [];
    }

    internal sealed class NodeRecord
    {
        public string Id { get; set; } = "";
        public int Number { get; set; }
        public bool IsDedicated { get; set; }
        public DateTimeOffset AllocationTime { get; set; }
        public string IpAddress { get; set; } = "";
        public int? StartTaskExitCodeOverride { get; set; }
        public NodePhase Phase { get; set; }
        public DateTimeOffset Since { get; set; }
        public DateTimeOffset? Until { get; set; }
        public DateTimeOffset? LastBootTime { get; set; }
        public BatchStartTask? StartTask { get; set; }
        public BatchStartTaskInfo? StartTaskInfo { get; set; }
        public bool LeavesAfterStartTask { get; set; }
        public long Version { get; set; }
        public DateTimeOffset LastModified { get; set; }

        /// <summary>A simulated node's files; an executed node's are on disk.</summary>
        public DateTimeOffset? FilesCreated { get; set; }
        public List<FileRecord>? Files { get; set; }
    }

    internal sealed class FileRecord
    {
        public string Name { get; set; } = "";
        public byte[] Content { get; set; } = [];
        public DateTimeOffset Created { get; set; }
        public DateTimeOffset Modified { get; set; }
    }

    [JsonSourceGenerationOptions(
        WriteIndented = true,
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UseStringEnumConverter = true,
        Converters = new[] { typeof(Iso8601DurationConverter), typeof(UtcTimestampConverter) })]
    [JsonSerializable(typeof(StateDocument))]
    internal sealed partial class StateJsonContext : JsonSerializerContext
    {
    }
}
