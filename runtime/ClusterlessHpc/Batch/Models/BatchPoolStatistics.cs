using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Usage and resource statistics of a pool, returned with <c>$expand=stats</c> (PoolStatistics).</summary>
    public sealed class BatchPoolStatistics
    {
        public string Url { get; init; } = "";

        public DateTimeOffset StartTime { get; init; }

        public DateTimeOffset LastUpdateTime { get; init; }

        public BatchPoolUsageStatistics? UsageStats { get; init; }

        public BatchPoolResourceStatistics? ResourceStats { get; init; }
    }
}
