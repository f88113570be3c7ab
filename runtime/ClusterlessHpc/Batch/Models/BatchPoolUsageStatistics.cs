using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A pool's core-time usage (UsageStatistics).</summary>
    public sealed class BatchPoolUsageStatistics
    {
        public DateTimeOffset StartTime { get; init; }

        public DateTimeOffset LastUpdateTime { get; init; }

        public TimeSpan DedicatedCoreTime { get; init; }
    }
}
