using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Why a task failed (TaskFailureInformation).</summary>
    public sealed class BatchTaskFailureInfo
    {
        public BatchErrorSourceCategory Category { get; init; }

        public string? Code { get; init; }

        public string? Message { get; init; }

        public IReadOnlyList<NameValuePair>? Details { get; init; }
    }
}
