using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The limits of a task (TaskConstraints).</summary>
    public sealed class BatchTaskConstraints
    {
        /// <summary>How long the task may run from its start; past it the service terminates it. Unlimited when not set.</summary>
        public TimeSpan? MaxWallClockTime { get; set; }

        /// <summary>How long the task's directory is kept on its node after it completes (7 days by default).</summary>
        public TimeSpan? RetentionTime { get; set; }

        /// <summary>How often a task that exits nonzero is retried: 0 none (the default), -1 without limit.</summary>
        public int? MaxTaskRetryCount { get; set; }
    }
}
