using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The properties of a file on a node.</summary>
    public sealed class FileProperties
    {
        public DateTimeOffset? CreationTime { get; init; }

        public DateTimeOffset LastModified { get; init; }

        /// <summary>The length in bytes: a number in 2024-07-01, a string in later versions; both are read.</summary>
        [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
        public long ContentLength { get; init; }

        public string? ContentType { get; init; }

        public string? FileMode { get; init; }
    }
}
