using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The answer to an add-task-collection request: one result per task, in no particular order (TaskAddCollectionResult).</summary>
    public sealed class BatchTaskAddCollectionResult
    {
        public IReadOnlyList<BatchTaskAddResult>? Value { get; init; }
    }
}
