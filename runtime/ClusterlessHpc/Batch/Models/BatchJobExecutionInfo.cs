using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>How a job ran (JobExecutionInformation).</summary>
    public sealed class BatchJobExecutionInfo
    {
        public DateTimeOffset StartTime { get; init; }

        public DateTimeOffset? EndTime { get; init; }

        public string? PoolId { get; init; }

        public BatchJobSchedulingError? SchedulingError { get; init; }

        /// <summary>
        /// Why the job ended: <c>JMComplete</c>, <c>MaxWallClockTimeExpiry</c>, <c>TaskFailed</c>, <c>AllTasksComplete</c>,
        /// <c>UserTerminate</c> (the default of terminate), or the reason the terminating call gave.
        /// </summary>
        public string? TerminateReason { get; init; }
    }
}
