namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The body of the evaluate-autoscale request (PoolEvaluateAutoScaleParameter).</summary>
    public sealed class BatchPoolEvaluateAutoScaleOptions
    {
        public string AutoScaleFormula { get; set; } = "";
    }
}
