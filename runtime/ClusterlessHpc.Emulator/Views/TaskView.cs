using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>
    /// A task as get and list return it (CloudTask): its settings with the service's defaults echoed (a non-admin pool
    /// auto-user, constraints with an unlimited maxWallClockTime, a 7-day retentionTime and the job's maxTaskRetryCount,
    /// requiredSlots 1), its affinityInfo as given, its state, its execution information and the node it runs or ran on.
    /// </summary>
    internal static class TaskView
    {
        /// <summary>CloudTask's properties, which <c>$select</c> and <c>$filter</c> may name.</summary>
        public static readonly System.Collections.Generic.IReadOnlySet<string> Properties = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal)
        {
            "id", "displayName", "url", "eTag", "lastModified", "creationTime", "exitConditions", "state", "stateTransitionTime", "previousState",
            "previousStateTransitionTime", "commandLine", "containerSettings", "resourceFiles", "outputFiles", "environmentSettings", "affinityInfo",
            "constraints", "requiredSlots", "userIdentity", "executionInfo", "nodeInfo", "multiInstanceSettings", "stats", "dependsOn",
            "applicationPackageReferences", "authenticationTokenSettings",
        };

        public static string Url(string baseUrl, string jobId, string taskId) => JobView.Url(baseUrl, jobId) + "/tasks/" + Uri.EscapeDataString(taskId);

        public static JsonObject Render(SimulatedTask task, string baseUrl)
        {
            var spec = task.Spec;
            var url = Url(baseUrl, task.Job.Id, spec.Id);
            var json = new JsonObject { ["id"] = spec.Id };
            if (spec.DisplayName is not null) json["displayName"] = spec.DisplayName;
            json["url"] = url;
            json["eTag"] = task.ETag;
            json["creationTime"] = JobView.Time(task.CreationTime);
            json["lastModified"] = JobView.Time(task.LastModified);
            json["state"] = State(task.Phase);
            json["stateTransitionTime"] = JobView.Time(task.StateTransitionTime);
            if (task.PreviousPhase is { } previous)
            {
                json["previousState"] = State(previous);
                json["previousStateTransitionTime"] = JobView.Time(task.PreviousStateTransitionTime!.Value);
            }
            json["commandLine"] = spec.CommandLine;
            if (spec.ResourceFiles is { Count: > 0 } files) json["resourceFiles"] = JsonSerializer.SerializeToNode(files, JobJsonContext.Default.ListResourceFile);
            if (spec.EnvironmentSettings is { Count: > 0 } environment)
            {
                json["environmentSettings"] = JsonSerializer.SerializeToNode(environment, JobJsonContext.Default.ListEnvironmentSetting);
            }
            if (spec.AffinityInfo is { } affinity) json["affinityInfo"] = JsonSerializer.SerializeToNode(affinity, JobJsonContext.Default.BatchAffinityInfo);
            json["userIdentity"] = spec.UserIdentity is { } identity
                ? JsonSerializer.SerializeToNode(identity, JobJsonContext.Default.UserIdentity)
                : new JsonObject { ["autoUser"] = new JsonObject { ["scope"] = "pool", ["elevationLevel"] = "nonadmin" } };
            json["constraints"] = new JsonObject
            {
                ["maxWallClockTime"] = JobView.Duration(spec.Constraints?.MaxWallClockTime),
                ["retentionTime"] = JobView.Duration(spec.Constraints?.RetentionTime ?? JobSpecValues.DefaultRetentionTime),
                ["maxTaskRetryCount"] = spec.Constraints?.MaxTaskRetryCount ?? task.Job.DefaultMaxTaskRetryCount,
            };
            json["requiredSlots"] = spec.Slots;
            json["executionInfo"] = Execution(task);
            if (task.NodeId is { } nodeId && task.PoolId is { } poolId)
            {
                var nodeUrl = baseUrl + "pools/" + Uri.EscapeDataString(poolId) + "/nodes/" + nodeId;
                json["nodeInfo"] = new JsonObject
                {
                    ["affinityId"] = SimulatedNode.AffinityIdOf(nodeId),
                    ["nodeUrl"] = nodeUrl,
                    ["poolId"] = poolId,
                    ["nodeId"] = nodeId,
                    ["taskRootDirectory"] = TaskFiles.DirectoryOf(task.Job.Id, spec.Id),
                    ["taskRootDirectoryUrl"] = nodeUrl + "/files/" + TaskFiles.DirectoryOf(Uri.EscapeDataString(task.Job.Id), Uri.EscapeDataString(spec.Id)),
                };
            }
            return json;
        }

        private static JsonObject Execution(SimulatedTask task)
        {
            var execution = new JsonObject();
            if (task.StartTime is { } start) execution["startTime"] = JobView.Time(start);
            if (task.Phase == TaskPhase.Completed)
            {
                if (task.EndTime is { } end) execution["endTime"] = JobView.Time(end);
                if (task.ExitCode is { } code) execution["exitCode"] = code;
                if (task.FailureInfo is { } failure)
                {
                    var failureInfo = JsonSerializer.SerializeToNode(failure, JobJsonContext.Default.BatchTaskFailureInfo)!.AsObject();
                    ServiceSpelling.Capitalize(failureInfo, "category");
                    execution["failureInfo"] = failureInfo;
                }
            }
            execution["retryCount"] = task.RetryCount;
            if (task.LastRetryTime is { } retried) execution["lastRetryTime"] = JobView.Time(retried);
            execution["requeueCount"] = task.RequeueCount;
            if (task.LastRequeueTime is { } requeued) execution["lastRequeueTime"] = JobView.Time(requeued);
            if (task.Phase == TaskPhase.Completed) execution["result"] = task.Failed ? "failure" : "success";
            return execution;
        }

        public static string State(TaskPhase phase) => phase switch
        {
            TaskPhase.Active => "active",
            TaskPhase.Running => "running",
            _ => "completed",
        };
    }
}
