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

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary><c>chpc nodes POOL [--json]</c>: each node's id, state and start task (state, exit code, failure); as JSON, Batch's node objects.</summary>
    internal static class NodesCommand
    {
        private static readonly string[] Headers = ["Node", "State", "Dedicated", "Start task", "Exit code", "Failure"];

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
            if (mode == OutputMode.Json)
            {
                JsonOutput.Write(console, new JsonObject
                {
                    ["poolId"] = poolId,
                    ["nodes"] = JsonOutput.Array(nodes.Select(n => (JsonNode)ToJson(n))),
                });
            }
            else if (nodes.Count == 0)
            {
                console.Output.WriteLine($"Pool '{poolId}' has no nodes.");
            }
            else
            {
                TableWriter.Write(console, mode, Headers, nodes.Select(Row).ToList());
            }
            return ExitCodes.Done;
        }

        private static IReadOnlyList<string> Row(BatchNode node) =>
        [
            node.Id ?? "?",
            node.State?.ToString() ?? "?",
            node.IsDedicated == false ? "no" : "yes",
            node.StartTaskInfo?.State.ToString() ?? "",
            node.StartTaskInfo?.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "",
            node.StartTaskInfo?.FailureInfo is { } failure ? $"{failure.Code}: {failure.Message}" : "",
        ];

        /// <summary>
        /// The node as Batch returns it, with Batch's property names (<c>state</c>, <c>isDedicated</c>, <c>startTaskInfo</c>
        /// with its <c>exitCode</c> and <c>failureInfo</c>, <c>errors</c>, ...), less <c>startTask</c>: that is the pool's
        /// start task, whose resource files may carry a SAS.
        /// </summary>
        private static JsonObject ToJson(BatchNode node)
        {
            var json = JsonSerializer.SerializeToNode(node, BatchJson.TypeInfo<BatchNode>())!.AsObject();
            json.Remove("startTask");
            return json;
        }
    }
}
