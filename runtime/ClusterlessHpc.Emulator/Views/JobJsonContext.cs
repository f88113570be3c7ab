using System.Collections.Generic;
using System.Text.Json.Serialization;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>The body of add-task-collection: <c>{"value": [task, ...]}</c>.</summary>
    internal sealed class TaskCollectionBody
    {
        public List<TaskSpec>? Value { get; set; }
    }

    /// <summary>The optional body of terminate-job.</summary>
    internal sealed class JobTerminateBody
    {
        public string? TerminateReason { get; set; }
    }

    /// <summary>
    /// Source-generated JSON for the job and task operations' bodies, read into the model's own job and task settings,
    /// and for the parts of them the views echo; the Batch wire rules (camelCase, nulls omitted, ISO-8601 durations, UTC times).
    /// </summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        IgnoreReadOnlyProperties = true,
        Converters = new[] { typeof(Iso8601DurationConverter), typeof(UtcTimestampConverter) })]
    [JsonSerializable(typeof(JobSpec))]
    [JsonSerializable(typeof(TaskSpec))]
    [JsonSerializable(typeof(TaskCollectionBody))]
    [JsonSerializable(typeof(JobTerminateBody))]
    [JsonSerializable(typeof(List<EnvironmentSetting>))]
    [JsonSerializable(typeof(List<ResourceFile>))]
    [JsonSerializable(typeof(List<BatchMetadataItem>))]
    [JsonSerializable(typeof(UserIdentity))]
    [JsonSerializable(typeof(BatchAffinityInfo))]
    [JsonSerializable(typeof(BatchTaskFailureInfo))]
    internal sealed partial class JobJsonContext : JsonSerializerContext
    {
    }
}
