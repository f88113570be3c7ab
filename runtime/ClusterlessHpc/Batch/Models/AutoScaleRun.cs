using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The result of evaluating an autoscale formula.</summary>
    public sealed class AutoScaleRun
    {
        public DateTimeOffset Timestamp { get; init; }

        public string? Results { get; init; }

        public AutoScaleRunError? Error { get; init; }
    }
}
