using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Cli.Output;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc nodes POOL [--json]</c>: each node's id, state and start task (state, exit code, failure, and for a failed
    /// start task the step its stdout.txt announced last); as JSON, Batch's node objects with <c>failedStep</c> added.
    /// </summary>
    internal static class NodesCommand
    {
        private static readonly string[] Headers = ["Node", "State", "Dedicated", "Start task", "Exit code", "Failed step", "Failure"];

        public static Command Create(CliConsole console)
        {
            var pool = CommonOptions.PoolArgument();
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("nodes", "List a pool's nodes: state and start task exit code.") { pool, json };
            account.AddTo(command);
            command.SetAction((parsed, cancellationToken) => BatchSession.RunAsync(console, parsed, account,
                (client, _) => RunAsync(console, client, parsed.GetRequiredValue(pool), OutputModes.For(console, parsed.GetValue(json)), cancellationToken), cancellationToken));
            return command;
        }

        private static async Task<int> RunAsync(CliConsole console, BatchClient client, string poolId, OutputMode mode, CancellationToken cancellationToken)
        {
            var nodes = (await PoolViews.GetNodesAsync(client, poolId, cancellationToken).ConfigureAwait(false)).OrderBy(n => n.Id, System.StringComparer.Ordinal).ToList();
            var failedSteps = new Dictionary<string, StartupStepMarker>();
            foreach (var node in nodes.Where(n => n.State == BatchNodeState.StartTaskFailed && n.Id is not null))
            {
                if (await FailedStepAsync(client, poolId, node.Id!, cancellationToken).ConfigureAwait(false) is { } step) failedSteps[node.Id!] = step;
            }
            if (mode == OutputMode.Json)
            {
                JsonOutput.Write(console, new JsonObject
                {
                    ["poolId"] = poolId,
                    ["nodes"] = JsonOutput.Array(nodes.Select(n => (JsonNode)ToJson(n, failedSteps))),
                });
            }
            else if (nodes.Count == 0)
            {
                console.Output.WriteLine($"Pool '{poolId}' has no nodes.");
            }
            else
            {
                TableWriter.Write(console, mode, Headers, nodes.Select(n => Row(n, failedSteps)).ToList());
            }
            return ExitCodes.Done;
        }

        /// <summary>The step a failed node's start task announced last (its stdout.txt, read through the node files API); null when it has none.</summary>
        private static async Task<StartupStepMarker?> FailedStepAsync(BatchClient client, string poolId, string nodeId, CancellationToken cancellationToken)
        {
            try
            {
                var stdout = (await client.GetNodeFileAsync(poolId, nodeId, "startup/stdout.txt", cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
                return StartupStepMarker.LastIn(stdout.ToString());
            }
            catch (Azure.RequestFailedException)
            {
                return null;
            }
        }

        private static IReadOnlyList<string> Row(BatchNode node, Dictionary<string, StartupStepMarker> failedSteps) =>
        [
            node.Id ?? "?",
            node.State?.ToString() ?? "?",
            node.IsDedicated == false ? "no" : "yes",
            node.StartTaskInfo?.State.ToString() ?? "",
            node.StartTaskInfo?.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "",
            node.Id is not null && failedSteps.TryGetValue(node.Id, out var step) ? step.ToString() : "",
            node.StartTaskInfo?.FailureInfo is { } failure ? $"{failure.Code}: {failure.Message}" : "",
        ];

        /// <summary>
        /// The node as Batch returns it, with Batch's property names (<c>state</c>, <c>isDedicated</c>, <c>startTaskInfo</c>
        /// with its <c>exitCode</c> and <c>failureInfo</c>, <c>errors</c>, ...), less <c>startTask</c>: that is the pool's
        /// start task, whose resource files may carry a SAS.
        /// </summary>
        private static JsonObject ToJson(BatchNode node, Dictionary<string, StartupStepMarker> failedSteps)
        {
            var json = JsonSerializer.SerializeToNode(node, BatchJson.TypeInfo<BatchNode>())!.AsObject();
            json.Remove("startTask");
            if (node.Id is not null && failedSteps.TryGetValue(node.Id, out var step))
            {
                json["failedStep"] = new JsonObject { ["index"] = step.Index, ["total"] = step.Total, ["name"] = step.Name };
            }
            return json;
        }
    }
}
