using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>An error a node reports.</summary>
    public sealed class BatchNodeError
    {
        public string? Code { get; init; }

        public string? Message { get; init; }

        public IReadOnlyList<NameValuePair>? ErrorDetails { get; init; }
    }
}
