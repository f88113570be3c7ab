using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>One page of a list response: the items and the absolute URL of the next page.</summary>
    public sealed class BatchListResult<T>
    {
        [JsonPropertyName("value")]
        public IReadOnlyList<T> Value { get; init; } = [];

        [JsonPropertyName("odata.nextLink")]
        public string? NextLink { get; init; }
    }
}
