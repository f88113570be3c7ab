using System.Text.Json.Serialization;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>Source-generated JSON for the Batch wire models: camelCase, nulls omitted, ISO-8601 durations, UTC times.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = new[] { typeof(Iso8601DurationConverter), typeof(UtcTimestampConverter) })]
    [JsonSerializable(typeof(BatchPoolCreateOptions))]
    [JsonSerializable(typeof(BatchPoolUpdateOptions))]
    [JsonSerializable(typeof(BatchPoolReplaceOptions))]
    [JsonSerializable(typeof(BatchPoolResizeOptions))]
    [JsonSerializable(typeof(BatchNodeRemoveOptions))]
    [JsonSerializable(typeof(BatchPoolEnableAutoScaleOptions))]
    [JsonSerializable(typeof(BatchPoolEvaluateAutoScaleOptions))]
    [JsonSerializable(typeof(BatchNodeRebootOptions))]
    [JsonSerializable(typeof(BatchNodeReimageOptions))]
    [JsonSerializable(typeof(BatchPool))]
    [JsonSerializable(typeof(BatchNode))]
    [JsonSerializable(typeof(BatchNodeFile))]
    [JsonSerializable(typeof(AutoScaleRun))]
    [JsonSerializable(typeof(BatchSupportedImage))]
    [JsonSerializable(typeof(BatchPoolNodeCounts))]
    [JsonSerializable(typeof(BatchListResult<BatchPool>))]
    [JsonSerializable(typeof(BatchListResult<BatchNode>))]
    [JsonSerializable(typeof(BatchListResult<BatchNodeFile>))]
    [JsonSerializable(typeof(BatchListResult<BatchSupportedImage>))]
    [JsonSerializable(typeof(BatchListResult<BatchPoolNodeCounts>))]
    [JsonSerializable(typeof(BatchJobCreateOptions))]
    [JsonSerializable(typeof(BatchJobUpdateOptions))]
    [JsonSerializable(typeof(BatchJobTerminateOptions))]
    [JsonSerializable(typeof(BatchJob))]
    [JsonSerializable(typeof(BatchTaskCreateOptions))]
    [JsonSerializable(typeof(BatchTaskGroup))]
    [JsonSerializable(typeof(BatchTaskAddCollectionResult))]
    [JsonSerializable(typeof(BatchTask))]
    [JsonSerializable(typeof(BatchTaskCountsResult))]
    [JsonSerializable(typeof(BatchListResult<BatchJob>))]
    [JsonSerializable(typeof(BatchListResult<BatchTask>))]
    [JsonSerializable(typeof(BatchErrorBody))]
    internal sealed partial class BatchJsonContext : JsonSerializerContext
    {
    }
}
