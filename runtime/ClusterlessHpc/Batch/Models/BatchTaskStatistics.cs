using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A task's resource usage, returned with <c>$expand=stats</c> (TaskStatistics).</summary>
    public sealed class BatchTaskStatistics
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

        public TimeSpan WaitTime { get; init; }
    }
}
