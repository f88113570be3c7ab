using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A job's resource usage, returned with <c>$expand=stats</c> (JobStatistics).</summary>
    public sealed class BatchJobStatistics
    {
        public string? Url { get; init; }

        public DateTimeOffset StartTime { get; init; }

        public DateTimeOffset LastUpdateTime { get; init; }

        public TimeSpan UserCPUTime { get; init; }

        public TimeSpan KernelCPUTime { get; init; }

        public TimeSpan WallClockTime { get; init; }

        public long ReadIOps { get; init; }

        public long WriteIOps { get; init; }

        public double ReadIOGiB { get; init; }

        public double WriteIOGiB { get; init; }

        public long NumSucceededTasks { get; init; }

        public long NumFailedTasks { get; init; }

        public long NumTaskRetries { get; init; }

        public TimeSpan WaitTime { get; init; }
    }
}
