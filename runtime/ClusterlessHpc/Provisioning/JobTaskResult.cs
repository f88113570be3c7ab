using System;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>How one task of a job ended (or where it stands): exit code, node, times, and for a failure why and the end of its stderr.txt.</summary>
    public sealed class JobTaskResult
    {
        public string TaskId { get; init; } = "";

        public BatchTaskState? State { get; init; }

        /// <summary>Whether the task completed with success (exit code 0 and no failure).</summary>
        public bool Succeeded { get; init; }

        public int? ExitCode { get; init; }

        /// <summary>The node the task ran on last.</summary>
        public string? NodeId { get; init; }

        public DateTimeOffset? StartTime { get; init; }

        public DateTimeOffset? EndTime { get; init; }

        /// <summary>How often the task ran again after a nonzero exit.</summary>
        public int RetryCount { get; init; }

        /// <summary>Why the task failed (<c>FailureExitCode</c>, <c>TaskEnded</c>, <c>MaxWallClockTimeExpiry</c>, ...), or null.</summary>
        public BatchTaskFailureInfo? Failure { get; init; }

        /// <summary>For a failed task, the last lines of its <c>stderr.txt</c> (null when it has none, or it could not be read).</summary>
        public string? StderrTail { get; init; }

        public override string ToString() =>
            Succeeded ? $"{TaskId}: succeeded on {NodeId}"
            : State == BatchTaskState.Completed ? $"{TaskId}: failed (exit code {ExitCode?.ToString() ?? "none"}{(Failure?.Code is { } code ? ", " + code : "")}) on {NodeId ?? "no node"}"
            : $"{TaskId}: {State}";
    }
}
