using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The limits of a job (JobConstraints).</summary>
    public sealed class BatchJobConstraints
    {
        /// <summary>How long the job may run from its creation; past it the service terminates the job. Unlimited when not set.</summary>
        public TimeSpan? MaxWallClockTime { get; set; }

        /// <summary>The default number of retries of each task: 0 (the default) none, -1 without limit.</summary>
        public int? MaxTaskRetryCount { get; set; }
    }
}
