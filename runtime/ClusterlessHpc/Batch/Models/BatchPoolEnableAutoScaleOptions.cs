using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The body of the enable-autoscale request (PoolEnableAutoScaleParameter).</summary>
    public sealed class BatchPoolEnableAutoScaleOptions
    {
        public string? AutoScaleFormula { get; set; }

        public TimeSpan? AutoScaleEvaluationInterval { get; set; }
    }
}
