using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// How adding one task of a collection went (TaskAddResult): added, refused (a client error such as
    /// <c>TaskExists</c>, in <see cref="Error"/>), or failed on the service's side and worth retrying (a server error).
    /// </summary>
    public sealed class BatchTaskAddResult
    {
        public BatchTaskAddStatus Status { get; init; }

        public string TaskId { get; init; } = "";

        public string? ETag { get; init; }

        public DateTimeOffset? LastModified { get; init; }

        /// <summary>The task's URL.</summary>
        public string? Location { get; init; }

        public BatchErrorBody? Error { get; init; }
    }
}
