using System.Text.Json.Serialization;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>Source-generated JSON for the Batch wire models: camelCase, nulls omitted, ISO-8601 durations.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = new[] { typeof(Iso8601DurationConverter) })]
    [JsonSerializable(typeof(BatchPoolCreateOptions))]
    [JsonSerializable(typeof(BatchPool))]
    [JsonSerializable(typeof(BatchNode))]
    [JsonSerializable(typeof(BatchListResult<BatchPool>))]
    [JsonSerializable(typeof(BatchListResult<BatchNode>))]
    [JsonSerializable(typeof(BatchErrorBody))]
    public sealed partial class BatchJsonContext : JsonSerializerContext
    {
    }
}
