using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli.Output
{
    /// <summary>How the job commands show a task: one table row, or a JSON object with Batch's property names.</summary>
    internal static class JobViews
    {
        public static IReadOnlyList<string> Row(JobTaskResult result) =>
        [
            result.TaskId,
            result.Succeeded ? "succeeded" : result.State == BatchTaskState.Completed ? "failed" : result.State?.ToString() ?? "?",
            result.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "",
            result.NodeId ?? "",
            result.Failure is { } failure ? $"{failure.Code}: {failure.Message}" : "",
        ];

        public static IReadOnlyList<string> Row(BatchTask task) =>
        [
            task.Id ?? "?",
            task.State == BatchTaskState.Completed
                ? task.ExecutionInfo is { FailureInfo: null, ExitCode: 0 } ? "succeeded" : "failed"
                : task.State?.ToString() ?? "?",
            task.ExecutionInfo?.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "",
            task.NodeInfo?.NodeId ?? "",
            task.ExecutionInfo?.FailureInfo is { } failure ? $"{failure.Code}: {failure.Message}" : "",
        ];

        public static JsonObject ToJson(JobTaskResult result)
        {
            var json = new JsonObject
            {
                ["id"] = result.TaskId,
                ["state"] = result.State?.ToString(),
                ["succeeded"] = result.Succeeded,
                ["exitCode"] = result.ExitCode,
                ["nodeId"] = result.NodeId,
                ["startTime"] = result.StartTime,
                ["endTime"] = result.EndTime,
                ["retryCount"] = result.RetryCount,
            };
            if (result.Failure is { } failure) json["failureInfo"] = JsonSerializer.SerializeToNode(failure, BatchJsonContext.Default.BatchTaskFailureInfo);
            if (result.StderrTail is { } tail) json["stderrTail"] = tail;
            return json;
        }
    }
}
