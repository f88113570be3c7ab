using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Why the service could not schedule a job (JobSchedulingError).</summary>
    public sealed class BatchJobSchedulingError
    {
        public BatchErrorSourceCategory Category { get; init; }

        public string? Code { get; init; }

        public string? Message { get; init; }

        public IReadOnlyList<NameValuePair>? Details { get; init; }
    }
}
