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

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary><c>chpc status [POOL] [--json]</c>: each pool's state, allocation, node targets, scaling and node counts by state.</summary>
    internal static class StatusCommand
    {
        public static Command Create(CliConsole console)
        {
            var pool = new Argument<string?>(CommonOptions.PoolArgumentName) { Description = "The pool id (default: every pool of the account).", Arity = ArgumentArity.ZeroOrOne };
            UsageErrors.RejectOptionLikeValues(pool);
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("status", "Show pools: state, allocation, node targets, scaling and nodes by state.") { pool, json };
            account.AddTo(command);
            command.SetAction((parsed, cancellationToken) => BatchSession.RunAsync(console, parsed, account,
                (client, _) => RunAsync(console, client, parsed.GetValue(pool), OutputModes.For(console, parsed.GetValue(json)), cancellationToken), cancellationToken));
            return command;
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

            var shown = new List<(BatchPool Pool, IReadOnlyList<BatchNode> Nodes)>();
            foreach (var each in pools.OrderBy(p => p.Id, System.StringComparer.OrdinalIgnoreCase))
            {
                shown.Add((each, await PoolViews.GetNodesAsync(client, each.Id!, cancellationToken).ConfigureAwait(false)));
            }

            if (mode == OutputMode.Json)
            {
                JsonOutput.Write(console, new JsonObject { ["pools"] = JsonOutput.Array(shown.Select(s => (JsonNode)PoolViews.ToJson(s.Pool, s.Nodes))) });
            }
            else if (shown.Count == 0)
            {
                console.Output.WriteLine("No pools.");
            }
            else
            {
                TableWriter.Write(console, mode, PoolViews.Headers, shown.Select(s => PoolViews.Row(s.Pool, s.Nodes)).ToList());
            }
            return ExitCodes.Done;
        }
    }
}
