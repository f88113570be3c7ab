using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A pool's resource consumption (ResourceStatistics).</summary>
    public sealed class BatchPoolResourceStatistics
    {
        public DateTimeOffset StartTime { get; init; }

        public DateTimeOffset LastUpdateTime { get; init; }

        [JsonPropertyName("avgCPUPercentage")]
        public double AvgCpuPercentage { get; init; }

        public double AvgMemoryGiB { get; init; }

        public double PeakMemoryGiB { get; init; }

        public double AvgDiskGiB { get; init; }

        public double PeakDiskGiB { get; init; }

        [JsonPropertyName("diskReadIOps")]
        public long DiskReadIops { get; init; }

        [JsonPropertyName("diskWriteIOps")]
        public long DiskWriteIops { get; init; }

        public double DiskReadGiB { get; init; }

        public double DiskWriteGiB { get; init; }

        public double NetworkReadGiB { get; init; }

        public double NetworkWriteGiB { get; init; }
    }
}
