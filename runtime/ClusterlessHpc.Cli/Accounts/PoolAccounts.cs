using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;

namespace ClusterlessHpc.Cli.Accounts
{
    /// <summary>
    /// The Batch account of each pool a command works on (apply, plan). With <c>--endpoint</c>, that account serves every
    /// pool. Otherwise each pool goes where an application's host would send it (<c>BatchAccountOptions.For</c>): the
    /// default account, or the <c>ClusterlessHpc:Batch:Accounts:&lt;name&gt;</c> section of the account it names, or the
    /// emulator when the emulator is the default. Every account is resolved before any request is sent, so a pool naming
    /// an account that is not configured stops the command with nothing done.
    /// </summary>
    internal sealed class PoolAccounts : IAsyncDisposable
    {
        private readonly Dictionary<AccountChoice, BatchConnection> _connections;
        private readonly Dictionary<PoolDefinition, AccountChoice> _choices;

        private PoolAccounts(Dictionary<AccountChoice, BatchConnection> connections, Dictionary<PoolDefinition, AccountChoice> choices)
        {
            _connections = connections;
            _choices = choices;
        }

        /// <summary>The client of <paramref name="pool"/>'s account.</summary>
        public BatchClient ClientFor(PoolDefinition pool) => _connections[_choices[pool]].Client;

        /// <summary>The clients in use, each once.</summary>
        public IEnumerable<BatchClient> Clients => _connections.Values.Select(c => c.Client);

        /// <exception cref="CliException">An account is not configured, or its settings cannot make one.</exception>
        public static async Task<PoolAccounts> OpenAsync(
            CliConsole console, ParseResult parsed, AccountOptions options, CliSettings settings, IReadOnlyList<PoolDefinition> pools, CancellationToken cancellationToken)
        {
            var defaultChoice = options.Resolve(parsed, settings);
            var choices = new Dictionary<PoolDefinition, AccountChoice>(ReferenceEqualityComparer.Instance);
            var notes = new List<string>();
            var batch = defaultChoice.Source == AccountOptions.CommandLineSource ? null : settings.Options().Batch;
            foreach (var pool in pools)
            {
                choices[pool] = Choose(pool, defaultChoice, batch, notes);
            }

            var connections = new Dictionary<AccountChoice, BatchConnection>();
            var accounts = new PoolAccounts(connections, choices);
            try
            {
                foreach (var choice in choices.Count == 0 ? [defaultChoice] : choices.Values.Distinct().ToList())
                {
                    connections[choice] = await BatchConnection.OpenAsync(console, choice, cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                await accounts.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            foreach (var (choice, connection) in connections)
            {
                var served = pools.Where(p => choices[p] == choice).Select(p => p.Id).ToList();
                console.Error.WriteLine("Batch account: " + connection.Description +
                                        (connections.Count > 1 ? $" (pools {string.Join(", ", served)})" : ""));
            }
            foreach (var note in notes) console.Error.WriteLine(note);
            return accounts;
        }

        private static AccountChoice Choose(PoolDefinition pool, AccountChoice defaultChoice, Hosting.BatchAccountOptions? batch, List<string> notes)
        {
            if (pool.Account is not { Length: > 0 } name) return defaultChoice;
            if (batch is null)
            {
                notes.Add($"note: pool '{pool.Id}' names Batch account '{name}'; --endpoint chooses one account for every pool.");
                return defaultChoice;
            }

            var section = $"{Hosting.ClusterlessHpcOptions.SectionName}:Batch:Accounts:{name}";
            var settings = batch.For(name) ?? throw new CliException(ExitCodes.InvalidInput,
                $"Pool '{pool.Id}' names Batch account '{name}', which is not configured: set {section}:Endpoint (environment variable " +
                $"{section.Replace(":", "__", StringComparison.Ordinal)}__Endpoint), or pass --endpoint to use one account for every pool. Nothing was sent.");
            if (ReferenceEquals(settings, batch))
            {
                notes.Add($"note: pool '{pool.Id}' names Batch account '{name}', which is not configured; the emulator stands in for it.");
                return defaultChoice;
            }
            if (settings.Endpoint is null) return AccountChoice.Emulator;
            return AccountOptions.Choose(settings.Endpoint, settings.AccountName, settings.AccountKey, section);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var connection in _connections.Values) await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
