using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;

namespace ClusterlessHpc.Cli.Accounts
{
    /// <summary>Runs a command's work with a client for the chosen account, reporting which account on standard error and failures as exit codes.</summary>
    internal static class BatchSession
    {
        public static async Task<int> RunAsync(
            CliConsole console, ParseResult parsed, AccountOptions account, Func<BatchClient, CliSettings, Task<int>> work, CancellationToken cancellationToken)
        {
            try
            {
                var settings = CliSettings.Load(console);
                var choice = account.Resolve(parsed, settings);
                await using var connection = await BatchConnection.OpenAsync(console, choice, cancellationToken).ConfigureAwait(false);
                console.Error.WriteLine("Batch account: " + connection.Description);
                return await work(connection.Client, settings).ConfigureAwait(false);
            }
            catch (Exception e) when (CliErrors.TryReport(console, e, out var exitCode))
            {
                return exitCode;
            }
        }
    }
}
