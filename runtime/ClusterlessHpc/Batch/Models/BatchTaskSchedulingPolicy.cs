using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>How tasks are spread over nodes (TaskSchedulingPolicy).</summary>
    public sealed class BatchTaskSchedulingPolicy
    {
        public BatchNodeFillType NodeFillType { get; set; }
    }
}
