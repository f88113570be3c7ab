using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
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
    /// <c>chpc status [POOL] [--explain] [--json]</c>: each pool's state, allocation, node targets, scaling, node counts by
    /// state, and why a stalled pool stays below its target (<see cref="PoolStallExplainer"/>); <c>--explain</c> shows the
    /// root cause of one pool with its fix and all the evidence behind it.
    /// </summary>
    internal static class StatusCommand
    {
        public static Command Create(CliConsole console)
        {
            var pool = new Argument<string?>(CommonOptions.PoolArgumentName) { Description = "The pool id (default: every pool of the account).", Arity = ArgumentArity.ZeroOrOne };
            UsageErrors.RejectEmptyOrOptionLikeValues(pool);
            var json = CommonOptions.Json();
            var explain = new Option<bool>("--explain") { Description = "Explain why POOL is not at its target: the root cause, its fix and all the evidence behind it." };
            var account = new AccountOptions();
            var command = new Command("status", "Show pools: state, allocation, node targets, scaling, nodes by state, and why a stalled pool is below its target.") { pool, explain, json };
            account.AddTo(command);
            command.Validators.Add(result =>
            {
                if (result.GetValue(explain) && result.GetValue(pool) is null) result.AddError("--explain needs a POOL: chpc status POOL --explain.");
            });
            command.SetAction((parsed, cancellationToken) => BatchSession.RunAsync(console, parsed, account,
                (client, _) => parsed.GetValue(explain)
                    ? ExplainAsync(console, client, parsed.GetValue(pool)!, OutputModes.For(console, parsed.GetValue(json)), cancellationToken)
                    : RunAsync(console, client, parsed.GetValue(pool), OutputModes.For(console, parsed.GetValue(json)), cancellationToken), cancellationToken));
            return command;
        }

        /// <summary>The root cause of one pool, its fix and the evidence, one fact a line.</summary>
        private static async Task<int> ExplainAsync(CliConsole console, BatchClient client, string poolId, OutputMode mode, CancellationToken cancellationToken)
        {
            var explanation = await PoolStallExplainer.ExplainAsync(client, poolId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (mode == OutputMode.Json)
            {
                var why = PoolViews.WhyJson(explanation);
                why["evidence"] = JsonOutput.Array(explanation.Evidence.Select(e => (JsonNode)JsonValue.Create(e)!));
                JsonOutput.Write(console, new JsonObject { ["id"] = poolId, ["why"] = why });
                return ExitCodes.Done;
            }
            console.Output.WriteLine(explanation.Cause == StallCause.None
                ? explanation.Summary
                : $"{(explanation.IsStalled ? "Stalled" : "Not stalled yet")}: {explanation.Summary}");
            if (explanation.Cause != StallCause.None) console.Output.WriteLine("Fix: " + explanation.Fix);
            console.Output.WriteLine("Evidence:");
            foreach (var line in explanation.Evidence) console.Output.WriteLine("  " + line);
            return ExitCodes.Done;
        }

        private static async Task<int> RunAsync(CliConsole console, BatchClient client, string? poolId, OutputMode mode, CancellationToken cancellationToken)
        {
            var pools = new List<BatchPool>();
            if (poolId is not null)
            {
                pools.Add((await client.GetPoolAsync(poolId, cancellationToken).ConfigureAwait(false)).Value);
            }
            else
            {
                await foreach (var each in client.GetPoolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)) pools.Add(each);
            }

            var shown = new List<(BatchPool Pool, IReadOnlyList<BatchNode> Nodes, PoolStallExplanation? Why)>();
            foreach (var each in pools.OrderBy(p => p.Id, System.StringComparer.OrdinalIgnoreCase))
            {
                var nodes = await PoolViews.GetNodesAsync(client, each.Id!, cancellationToken).ConfigureAwait(false);
                // A pool at its target with no formula to fail needs no further requests; the others are explained.
                var why = MayBeStalled(each, nodes) ? await TryExplainAsync(client, each.Id!, cancellationToken).ConfigureAwait(false) : null;
                shown.Add((each, nodes, why));
            }

            if (mode == OutputMode.Json)
            {
                JsonOutput.Write(console, new JsonObject
                {
                    ["pools"] = JsonOutput.Array(shown.Select(s =>
                    {
                        var json = PoolViews.ToJson(s.Pool, s.Nodes);
                        json["why"] = s.Why is { IsStalled: true } why ? PoolViews.WhyJson(why) : null;
                        return (JsonNode)json;
                    })),
                });
            }
            else if (shown.Count == 0)
            {
                console.Output.WriteLine("No pools.");
            }
            else
            {
                TableWriter.Write(console, mode, PoolViews.Headers, shown.Select(s => PoolViews.Row(s.Pool, s.Nodes, s.Why)).ToList());
            }
            return ExitCodes.Done;
        }

        /// <summary>The explanation, or none when the pool went away since it was listed (another process deleted it).</summary>
        private static async Task<PoolStallExplanation?> TryExplainAsync(BatchClient client, string poolId, CancellationToken cancellationToken)
        {
            try
            {
                return await PoolStallExplainer.ExplainAsync(client, poolId, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        }

        private static bool MayBeStalled(BatchPool pool, IReadOnlyList<BatchNode> nodes) =>
            pool.EnableAutoScale == true || PoolStallExplainer.IsBelowTarget(pool, nodes);
    }
}
