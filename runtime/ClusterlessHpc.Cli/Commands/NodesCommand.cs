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
using ClusterlessHpc.Cli.Pools;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc nodes POOL [--assembly PATH] [--json]</c>: each node's id, state and start task (state, exit code, failure,
    /// and for a failed start task the step its stdout.txt announced last); given the assembly that declares the pool, each
    /// failed node's line as <c>chpc apply</c> names it, at the attribute that declared the step. As JSON, Batch's node
    /// objects with <c>failedStep</c> added.
    /// </summary>
    internal static class NodesCommand
    {
        private static readonly string[] Headers = ["Node", "State", "Dedicated", "Start task", "Exit code", "Failed step", "Failure"];

        public static Command Create(CliConsole console)
        {
            var pool = CommonOptions.PoolArgument();
            var json = CommonOptions.Json();
            var assembly = PoolSourceOptions.AssemblyOption(
                "The built assembly that declares the pool: a failed start task is then named by the attribute that declared its step, " +
                "as chpc apply names it (Pools.cs(12,2): [JuliaPackage(\"JOLI\", ...)] failed on node ... during \"develop JOLI\": ...). Without it, the step only.");
            var account = new AccountOptions();
            var command = new Command("nodes", "List a pool's nodes: state, start task exit code, and the step a failed start task failed in.") { pool, assembly, json };
            account.AddTo(command);
            command.SetAction(async (parsed, cancellationToken) =>
            {
                var poolId = parsed.GetRequiredValue(pool);
                var definition = parsed.GetValue(assembly) is { } path ? PoolSourceOptions.LoadDeclared(console, path, poolId) : null;
                return await BatchSession.RunAsync(console, parsed, account,
                    (client, _) => RunAsync(console, client, poolId, definition, OutputModes.For(console, parsed.GetValue(json)), cancellationToken), cancellationToken).ConfigureAwait(false);
            });
            return command;
        }

        private static async Task<int> RunAsync(CliConsole console, BatchClient client, string poolId, PoolDefinition? definition, OutputMode mode, CancellationToken cancellationToken)
        {
            var nodes = (await PoolViews.GetNodesAsync(client, poolId, cancellationToken).ConfigureAwait(false)).OrderBy(n => n.Id, System.StringComparer.Ordinal).ToList();
            var failedSteps = new Dictionary<string, StartupStepMarker>();
            var traced = new Dictionary<string, StartTaskFailedException>();
            // The provisioner reads and names a failure as apply does; it only reads the node's files here, so it is made
            // without the application's delivery and storage (Provisioners.Create), whose misconfiguration must not stop a read.
            var provisioner = definition is null ? null : new PoolProvisioner(client);
            foreach (var node in nodes.Where(n => n.State == BatchNodeState.StartTaskFailed && n.Id is not null))
            {
                if (await FailedStepAsync(client, poolId, node.Id!, cancellationToken).ConfigureAwait(false) is not { } step) continue;
                failedSteps[node.Id!] = step;
                if (provisioner is null) continue;
                var failure = await provisioner.GetStartTaskFailureAsync(poolId, node, definition, cancellationToken).ConfigureAwait(false);
                // A node whose last step the declaration does not have ran another definition's script: naming one of
                // the declaration's attributes would be a guess.
                if (failure.TracedLine is not null && failure.FailedStep == step.Name) traced[node.Id!] = failure;
                else console.Error.WriteLine($"note: node '{node.Id}' failed in step {step}, which is not a step of pool '{definition!.Id}' as the assembly declares it: the pool was made from another declaration ('chpc plan --assembly' shows how they differ).");
            }
            if (mode == OutputMode.Json)
            {
                JsonOutput.Write(console, new JsonObject
                {
                    ["poolId"] = poolId,
                    ["nodes"] = JsonOutput.Array(nodes.Select(n => (JsonNode)ToJson(n, failedSteps, traced))),
                });
            }
            else if (nodes.Count == 0)
            {
                console.Output.WriteLine($"Pool '{poolId}' has no nodes.");
            }
            else
            {
                TableWriter.Write(console, mode, Headers, nodes.Select(n => Row(n, failedSteps)).ToList());
                // Below the table, whole: a compiler's line that editors and terminals link to the declaration.
                foreach (var node in nodes)
                {
                    if (node.Id is not null && traced.TryGetValue(node.Id, out var failure)) console.Output.WriteLine(failure.TracedLine);
                }
            }
            return ExitCodes.Done;
        }

        /// <summary>The step a failed node's start task announced last (its stdout.txt, read through the node files API); null when it has none.</summary>
        private static async Task<StartupStepMarker?> FailedStepAsync(BatchClient client, string poolId, string nodeId, CancellationToken cancellationToken)
        {
            try
            {
                var stdout = (await client.GetNodeFileAsync(poolId, nodeId, BatchClient.StartTaskStdOutPath, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
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
        private static JsonObject ToJson(BatchNode node, Dictionary<string, StartupStepMarker> failedSteps, Dictionary<string, StartTaskFailedException> traced)
        {
            var json = JsonSerializer.SerializeToNode(node, BatchJson.TypeInfo<BatchNode>())!.AsObject();
            json.Remove("startTask");
            if (node.Id is not null && failedSteps.TryGetValue(node.Id, out var step))
            {
                var failedStep = new JsonObject { ["index"] = step.Index, ["total"] = step.Total, ["name"] = step.Name };
                if (traced.TryGetValue(node.Id, out var failure))
                {
                    // The same two values as apply's error object: the declaration, and the line that names it.
                    failedStep["declaration"] = failure.Declaration;
                    failedStep["message"] = failure.TracedLine;
                }
                json["failedStep"] = failedStep;
            }
            return json;
        }
    }
}
