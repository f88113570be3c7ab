using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The body of the resize-pool request (PoolResizeParameter).</summary>
    public sealed class BatchPoolResizeOptions
    {
        public int? TargetDedicatedNodes { get; set; }

        public int? TargetLowPriorityNodes { get; set; }

        public TimeSpan? ResizeTimeout { get; set; }

        public BatchNodeDeallocationOption? NodeDeallocationOption { get; set; }
    }
}
