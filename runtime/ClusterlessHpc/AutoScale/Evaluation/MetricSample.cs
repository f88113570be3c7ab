using System;

namespace ClusterlessHpc.AutoScale
{
    /// <summary>One recorded value of a metric, as Batch records them every 30 seconds.</summary>
    public readonly record struct MetricSample(DateTimeOffset Time, double Value);
}
