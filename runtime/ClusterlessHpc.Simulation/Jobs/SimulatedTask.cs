using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>Where a task is: <c>active</c> (waiting for slots), <c>running</c> on a node, or <c>completed</c>.</summary>
    public enum TaskPhase
    {
        Active,
        Running,
        Completed,
    }

    /// <summary>
    /// A task of a job, as the model holds it; changed only under the account's lock. This is also its saved shape: an
    /// executed attempt in flight is not saved.
    /// </summary>
    public sealed class SimulatedTask
    {
        /// <summary>The job's first-in, first-out order: a requeued task keeps its place.</summary>
        public static readonly IComparer<SimulatedTask> BySequence = Comparer<SimulatedTask>.Create((a, b) => a.Sequence.CompareTo(b.Sequence));

        public required TaskSpec Spec { get; set; }

        public required long Sequence { get; init; }

        public required DateTimeOffset CreationTime { get; init; }

        public required DateTimeOffset LastModified { get; set; }

        public required string ETag { get; set; }

        public TaskPhase Phase { get; set; }

        public DateTimeOffset StateTransitionTime { get; set; }

        public TaskPhase? PreviousPhase { get; set; }

        public DateTimeOffset? PreviousStateTransitionTime { get; set; }

        /// <summary>When the present (or last) attempt started.</summary>
        public DateTimeOffset? StartTime { get; set; }

        public DateTimeOffset? EndTime { get; set; }

        public int? ExitCode { get; set; }

        public BatchTaskFailureInfo? FailureInfo { get; set; }

        public int RetryCount { get; set; }

        public DateTimeOffset? LastRetryTime { get; set; }

        public int RequeueCount { get; set; }

        public DateTimeOffset? LastRequeueTime { get; set; }

        /// <summary>The pool and node the task runs (or last ran) on; its files are there.</summary>
        public string? PoolId { get; set; }

        public string? NodeId { get; set; }

        /// <summary>A running simulated attempt: when it ends, with which exit code, and whether its wall-clock limit ends it.</summary>
        public DateTimeOffset? RunsUntil { get; set; }

        public int? PlannedExitCode { get; set; }

        public bool TimesOut { get; set; }

        /// <summary>Counts attempts, so that an end scheduled for an attempt that was stopped is recognised and skipped.</summary>
        public int Attempts { get; set; }

        /// <summary>An executed attempt in flight.</summary>
        [JsonIgnore]
        public TaskAttempt? Attempt { get; set; }

        /// <summary>Its job (set when it is added, and after a restore).</summary>
        [JsonIgnore]
        public SimulatedJob Job { get; set; } = null!;

        /// <summary>The node running it (rebuilt after a restore).</summary>
        [JsonIgnore]
        public SimulatedNode? Node { get; set; }

        public string Id => Spec.Id;

        /// <summary>A completed task failed when it has a failure: a non-zero exit code after its retries, or it could not run or was ended.</summary>
        public bool Failed => FailureInfo is not null;
    }
}
