using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>
    /// A job as get and list return it (CloudJob): its settings with the service's defaults echoed (priority 0,
    /// maxParallelTasks -1, constraints with an unlimited maxWallClockTime and maxTaskRetryCount 0, onAllTasksComplete and
    /// onTaskFailure noaction) and its state and execution information.
    /// </summary>
    internal static class JobView
    {
        /// <summary>What the service echoes for a duration that has no limit (TimeSpan.MaxValue in ISO 8601).</summary>
        public static readonly string Unlimited = XmlConvert.ToString(TimeSpan.MaxValue);

        /// <summary>CloudJob's properties, which <c>$select</c> and <c>$filter</c> may name.</summary>
        public static readonly System.Collections.Generic.IReadOnlySet<string> Properties = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal)
        {
            "id", "displayName", "usesTaskDependencies", "url", "eTag", "lastModified", "creationTime", "state", "stateTransitionTime",
            "previousState", "previousStateTransitionTime", "priority", "allowTaskPreemption", "maxParallelTasks", "constraints", "jobManagerTask",
            "jobPreparationTask", "jobReleaseTask", "commonEnvironmentSettings", "poolInfo", "onAllTasksComplete", "onTaskFailure",
            "networkConfiguration", "metadata", "executionInfo", "stats",
        };

        public static string Url(string baseUrl, string jobId) => baseUrl + "jobs/" + Uri.EscapeDataString(jobId);

        public static JsonObject Render(SimulatedJob job, string baseUrl)
        {
            var spec = job.Spec;
            var json = new JsonObject
            {
                ["id"] = spec.Id,
                ["url"] = Url(baseUrl, spec.Id),
                ["eTag"] = job.ETag,
                ["lastModified"] = Time(job.LastModified),
                ["creationTime"] = Time(job.CreationTime),
                ["state"] = State(job.Phase),
                ["stateTransitionTime"] = Time(job.StateTransitionTime),
            };
            if (spec.DisplayName is not null) json.Insert(1, "displayName", spec.DisplayName);
            if (job.PreviousPhase is { } previous)
            {
                json["previousState"] = State(previous);
                json["previousStateTransitionTime"] = Time(job.PreviousStateTransitionTime!.Value);
            }
            json["priority"] = job.Priority;
            json["maxParallelTasks"] = spec.MaxParallelTasks ?? -1;
            json["allowTaskPreemption"] = spec.AllowTaskPreemption ?? false;
            json["usesTaskDependencies"] = spec.UsesTaskDependencies ?? false;
            json["constraints"] = new JsonObject
            {
                ["maxWallClockTime"] = Duration(spec.Constraints?.MaxWallClockTime),
                ["maxTaskRetryCount"] = job.DefaultMaxTaskRetryCount,
            };
            json["poolInfo"] = new JsonObject { ["poolId"] = spec.PoolId };
            if (spec.CommonEnvironmentSettings is { Count: > 0 } environment)
            {
                json["commonEnvironmentSettings"] = JsonSerializer.SerializeToNode(environment, JobJsonContext.Default.ListEnvironmentSetting);
            }
            var execution = new JsonObject { ["startTime"] = Time(job.CreationTime) };
            if (job.EndTime is { } end) execution["endTime"] = Time(end);
            execution["poolId"] = spec.PoolId;
            if (job.TerminateReason is { } reason) execution["terminateReason"] = reason;
            json["executionInfo"] = execution;
            json["onAllTasksComplete"] = spec.OnAllTasksComplete?.ToLowerInvariant() ?? JobSpecValues.NoAction;
            json["onTaskFailure"] = spec.OnTaskFailure?.ToLowerInvariant() ?? JobSpecValues.NoAction;
            if (spec.Metadata is { Count: > 0 } metadata) json["metadata"] = JsonSerializer.SerializeToNode(metadata, JobJsonContext.Default.ListBatchMetadataItem);
            return json;
        }

        /// <summary>The body of taskcounts: tasks and their slots by state.</summary>
        public static JsonObject Counts(TaskTally tally) => new()
        {
            ["taskCounts"] = new JsonObject
            {
                ["active"] = tally.Active,
                ["running"] = tally.Running,
                ["completed"] = tally.Completed,
                ["succeeded"] = tally.Succeeded,
                ["failed"] = tally.Failed,
            },
            ["taskSlotCounts"] = new JsonObject
            {
                ["active"] = tally.ActiveSlots,
                ["running"] = tally.RunningSlots,
                ["completed"] = tally.CompletedSlots,
                ["succeeded"] = tally.SucceededSlots,
                ["failed"] = tally.FailedSlots,
            },
        };

        public static string State(JobPhase phase) => phase switch
        {
            JobPhase.Active => "active",
            JobPhase.Completed => "completed",
            _ => "deleting",
        };

        /// <summary>
        /// Batch's time format in bodies: UTC, up to seven fractional digits without trailing zeros (none at all on a whole
        /// second), and a Z; as the pools' times are written (<see cref="ClusterlessHpc.Batch.UtcTimestampConverter"/>) and as the service writes them.
        /// </summary>
        public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);

        public static string Duration(TimeSpan? duration) => duration is { } value ? XmlConvert.ToString(value) : Unlimited;
    }
}
