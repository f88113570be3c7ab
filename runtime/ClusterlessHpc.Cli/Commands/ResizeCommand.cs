using System;
using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Cli.Output;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc resize POOL --dedicated N [--low-priority N] [--deallocation requeue|terminate|taskcompletion|retaineddata]
    /// [--no-wait] [--timeout D] [--json]</c>: resizes a fixed-size pool and waits until it is steady with every node idle.
    /// </summary>
    internal static class ResizeCommand
    {
        public static Command Create(CliConsole console)
        {
            var pool = CommonOptions.PoolArgument();
            var dedicated = CommonOptions.Count("--dedicated", "The dedicated node target.");
            dedicated.Required = true;
            var lowPriority = CommonOptions.Count("--low-priority", "The low-priority (Spot) node target (default: unchanged).");
            var deallocation = new Option<string?>("--deallocation") { Description = "What happens to tasks on nodes that leave (default requeue).", HelpName = "OPTION" };
            deallocation.AcceptOnlyFromAmong("requeue", "terminate", "taskcompletion", "retaineddata");
            var noWait = CommonOptions.NoWait();
            var timeout = CommonOptions.Timeout();
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("resize", "Resize a pool and wait until it is steady with every node idle; exit 2 on a resize error or a failed start task.")
            {
                pool, dedicated, lowPriority, deallocation, noWait, timeout, json,
            };
            account.AddTo(command);
            command.SetAction((parsed, cancellationToken) => BatchSession.RunAsync(console, parsed, account, (client, settings) =>
            {
                var options = new BatchPoolResizeOptions
                {
                    TargetDedicatedNodes = parsed.GetValue(dedicated),
                    TargetLowPriorityNodes = parsed.GetValue(lowPriority),
                    NodeDeallocationOption = parsed.GetValue(deallocation) is { } option ? new BatchNodeDeallocationOption(option) : (BatchNodeDeallocationOption?)null,
                };
                return RunAsync(console, client, settings, parsed.GetRequiredValue(pool), options, parsed.GetValue(noWait), parsed.GetValue(timeout) ?? CommonOptions.DefaultTimeout,
                    OutputModes.For(console, parsed.GetValue(json)), cancellationToken);
            }, cancellationToken));
            return command;
        }

        private static async Task<int> RunAsync(
            CliConsole console, BatchClient client, CliSettings settings, string poolId, BatchPoolResizeOptions options, bool noWait, TimeSpan timeout,
            OutputMode mode, CancellationToken cancellationToken)
        {
            if (noWait)
            {
                await client.ResizePoolAsync(poolId, options, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Without --low-priority the pool keeps its low-priority target.
                var lowPriority = options.TargetLowPriorityNodes ?? (await client.GetPoolAsync(poolId, cancellationToken).ConfigureAwait(false)).Value.TargetLowPriorityNodes ?? 0;
                var dedicated = options.TargetDedicatedNodes ?? 0;
                var provisioner = Provisioners.Create(client, settings, timeout);
                var target = (dedicated + lowPriority).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await LiveTable.RunAsync(console, mode, [poolId], progress => provisioner.ResizeAsync(
                    poolId, dedicated, lowPriority, options.NodeDeallocationOption, Provisioners.Show(progress, target), cancellationToken)).ConfigureAwait(false);
            }

            var pool = (await client.GetPoolAsync(poolId, cancellationToken).ConfigureAwait(false)).Value;
            var nodes = await PoolViews.GetNodesAsync(client, poolId, cancellationToken).ConfigureAwait(false);
            var outcome = noWait ? "accepted" : "ready";
            if (mode == OutputMode.Json)
            {
                JsonOutput.Write(console, new JsonObject { ["outcome"] = outcome, ["pool"] = PoolViews.ToJson(pool, nodes) });
            }
            else
            {
                console.Output.WriteLine(noWait
                    ? $"Pool '{poolId}' is resizing to {options.TargetDedicatedNodes} dedicated node(s)" +
                      (options.TargetLowPriorityNodes is { } low ? $" and {low} low-priority node(s)." : ".")
                    : $"Pool '{poolId}' is ready: {PoolViews.Summary(PoolViews.CountByState(nodes))}.");
            }
            return ExitCodes.Done;
        }
    }
}
