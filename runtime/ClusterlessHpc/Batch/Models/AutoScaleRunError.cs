using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Why an autoscale evaluation failed.</summary>
    public sealed class AutoScaleRunError
    {
        public string? Code { get; init; }

        public string? Message { get; init; }

        public IReadOnlyList<NameValuePair>? Values { get; init; }
    }
}
