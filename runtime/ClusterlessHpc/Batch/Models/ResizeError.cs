using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>An error from a pool's most recent resize.</summary>
    public sealed class ResizeError
    {
        public string? Code { get; init; }

        public string? Message { get; init; }

        public IReadOnlyList<NameValuePair>? Values { get; init; }
    }
}
