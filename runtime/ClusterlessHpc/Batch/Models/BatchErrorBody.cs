using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The error body every Batch operation returns on failure (BatchError).</summary>
    public sealed class BatchErrorBody
    {
        public string? Code { get; init; }

        public BatchErrorMessage? Message { get; init; }

        public IReadOnlyList<BatchErrorDetail>? Values { get; init; }
    }

    /// <summary>The human-readable part of a Batch error.</summary>
    public sealed class BatchErrorMessage
    {
        public string? Lang { get; init; }

        public string? Value { get; init; }
    }

    /// <summary>A key-value detail of a Batch error.</summary>
    public sealed class BatchErrorDetail
    {
        public string? Key { get; init; }

        public string? Value { get; init; }
    }
}
