using System;
using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Cli.Output;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary><c>chpc delete POOL [--no-wait] [--json]</c>: deletes a pool and, by default, waits until it is gone.</summary>
    internal static class DeleteCommand
    {
        public static Command Create(CliConsole console)
        {
            var pool = CommonOptions.PoolArgument();
            var noWait = CommonOptions.NoWait();
            var timeout = CommonOptions.Timeout();
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("delete", "Delete a pool and its nodes; waits until the pool is gone unless --no-wait.") { pool, noWait, timeout, json };
            account.AddTo(command);
            command.SetAction((parsed, cancellationToken) => BatchSession.RunAsync(console, parsed, account,
                (client, _) => RunAsync(console, client, parsed.GetRequiredValue(pool), parsed.GetValue(noWait), parsed.GetValue(timeout) ?? CommonOptions.DefaultTimeout, parsed.GetValue(json), cancellationToken),
                cancellationToken));
            return command;
        }

        private static async Task<int> RunAsync(CliConsole console, BatchClient client, string poolId, bool noWait, TimeSpan timeout, bool json, CancellationToken cancellationToken)
        {
            var operation = await client.StartDeletePoolAsync(poolId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!json) console.Output.WriteLine($"Deleting pool '{poolId}'" + (noWait ? "; Batch removes it in the background." : "..."));
            if (!noWait)
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(timeout);
                try
                {
                    await operation.WaitForCompletionResponseAsync(TimeSpan.FromMilliseconds(250), limit.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"Pool '{poolId}' was still being deleted after {DurationText.Format(timeout)}; Batch goes on deleting it: check again with 'chpc status {poolId}'.");
                }
                if (!json) console.Output.WriteLine($"Pool '{poolId}' is deleted.");
            }
            if (json) JsonOutput.Write(console, new JsonObject { ["id"] = poolId, ["outcome"] = noWait ? "deleting" : "deleted" });
            return ExitCodes.Done;
        }
    }
}
