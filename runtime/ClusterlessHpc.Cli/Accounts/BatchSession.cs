using System;
using System.Linq;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Cli.Commands;
using ClusterlessHpc.Cli.Pools;

namespace ClusterlessHpc.Cli.Accounts
{
    /// <summary>Runs a command's work with a client for the chosen account, reporting which account on standard error and failures as exit codes.</summary>
    internal static class BatchSession
    {
        public static async Task<int> RunAsync(
            CliConsole console, ParseResult parsed, AccountOptions account, Func<BatchClient, CliSettings, Task<int>> work, CancellationToken cancellationToken)
        {
            AccountChoice? choice = null;
            try
            {
                var settings = CliSettings.Load(console);
                choice = account.Resolve(parsed, settings);
                await using var connection = await BatchConnection.OpenAsync(console, choice, new SignIn(console), cancellationToken).ConfigureAwait(false);
                console.Error.WriteLine("Batch account: " + connection.Description);
                return await work(connection.Client, settings).ConfigureAwait(false);
            }
            catch (Exception e) when (CliErrors.TryReport(console, e, out var exitCode, Target(parsed, choice)))
            {
                return exitCode;
            }
        }

        /// <summary>The pool, node, job and task the command line names (its POOL, NODE, JOB and TASK arguments), and the account.</summary>
        private static BatchTarget Target(ParseResult parsed, AccountChoice? choice)
        {
            string? Argument(string name) =>
                parsed.CommandResult.Command.Arguments.FirstOrDefault(a => a.Name == name) is Argument<string> argument ? parsed.GetValue(argument) : null;
            return new BatchTarget(Argument(CommonOptions.PoolArgumentName), Argument(LogsCommand.NodeArgumentName), choice is { IsEmulator: true } ? null : choice)
            {
                JobId = Argument(JobCommands.JobArgumentName),
                TaskId = Argument(JobCommands.TaskArgumentName),
            };
        }

        /// <summary>Runs a command's work on pools, each with the client of its own account (<see cref="PoolAccounts"/>).</summary>
        /// <param name="check">Runs once the settings are read, before any account is contacted; false ends the command (exit 1).</param>
        public static async Task<int> RunAsync(
            CliConsole console, ParseResult parsed, AccountOptions account, SelectedPools pools, Func<PoolAccounts, CliSettings, Task<int>> work,
            CancellationToken cancellationToken, Func<CliSettings, bool>? check = null)
        {
            AccountChoice? single = null;
            try
            {
                var settings = CliSettings.Load(console, pools.ImpliedConfiguration);
                if (check is not null && !check(settings)) return ExitCodes.InvalidInput;
                await using var accounts = await PoolAccounts.OpenAsync(console, parsed, account, settings, pools.Pools, cancellationToken).ConfigureAwait(false);
                single = accounts.SingleAccount;
                return await work(accounts, settings).ConfigureAwait(false);
            }
            catch (Exception e) when (CliErrors.TryReport(console, e, out var exitCode,
                                          new BatchTarget(pools.Pools.Count == 1 ? pools.Pools[0].Id : null, null, single is { IsEmulator: true } ? null : single)))
            {
                return exitCode;
            }
        }
    }
}
