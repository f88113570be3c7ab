using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Hosting;

namespace ClusterlessHpc.Cli.Accounts
{
    /// <summary>
    /// The Batch account of each pool a command works on (apply, plan). With <c>--endpoint</c>, that account serves every
    /// pool. Otherwise each pool goes where an application's host would send it (<see cref="BatchAccountOptions.For"/>):
    /// the default account, or the <c>ClusterlessHpc:Batch:Accounts:&lt;name&gt;</c> section of the account it names, or
    /// the emulator when the emulator is the default. Every account is resolved before any request is sent, so a pool
    /// naming an account that is not configured stops the command with nothing done.
    /// </summary>
    internal sealed class PoolAccounts : IAsyncDisposable
    {
        private readonly Dictionary<AccountKey, BatchConnection> _connections;
        private readonly Dictionary<AccountKey, AccountChoice> _choices;
        private readonly Dictionary<PoolDefinition, AccountKey> _accounts;

        private PoolAccounts(Dictionary<AccountKey, BatchConnection> connections, Dictionary<AccountKey, AccountChoice> choices, Dictionary<PoolDefinition, AccountKey> accounts)
        {
            _connections = connections;
            _choices = choices;
            _accounts = accounts;
        }

        /// <summary>The client of <paramref name="pool"/>'s account.</summary>
        public BatchClient ClientFor(PoolDefinition pool) => _connections[_accounts[pool]].Client;

        /// <summary>The account of <paramref name="pool"/>, for messages.</summary>
        public AccountChoice AccountFor(PoolDefinition pool) => _choices[_accounts[pool]];

        /// <summary>The one account every pool uses, or null when they use several.</summary>
        public AccountChoice? SingleAccount => _choices.Count == 1 ? _choices.Values.First() : null;

        /// <summary>The clients in use, each once.</summary>
        public IEnumerable<BatchClient> Clients => _connections.Values.Select(c => c.Client);

        /// <summary>
        /// Every account the configuration names, each once (for commands that look across accounts, such as prune): the
        /// default account and each <c>ClusterlessHpc:Batch:Accounts:&lt;name&gt;</c>, or only the one of <c>--endpoint</c>.
        /// The account of each is <see cref="AccountFor"/> of the definitions in <see cref="EveryAccount"/>.
        /// </summary>
        public static Task<PoolAccounts> OpenEveryAccountAsync(
            CliConsole console, ParseResult parsed, AccountOptions options, CliSettings settings, CancellationToken cancellationToken)
        {
            var defaultChoice = options.Resolve(parsed, settings);
            // Stand-in pools: one that names no account (the default), and one naming each configured account.
            var standIns = new List<PoolDefinition> { new() { Id = "" } };
            if (defaultChoice.Source != AccountOptions.CommandLineSource)
            {
                standIns.AddRange(settings.Options().Batch.Accounts.Keys.Order(StringComparer.OrdinalIgnoreCase).Select(name => new PoolDefinition { Id = name, Account = name }));
            }
            return OpenAsync(console, parsed, options, settings, standIns, cancellationToken, everyAccount: true);
        }

        /// <summary>With <see cref="OpenEveryAccountAsync"/>: one definition per distinct account, to pass to <see cref="ClientFor"/> and <see cref="AccountFor"/>.</summary>
        public IReadOnlyList<PoolDefinition> EveryAccount => _accounts.GroupBy(a => a.Value).Select(g => g.First().Key).ToList();

        /// <exception cref="CliException">An account is not configured, or its settings cannot make one.</exception>
        public static async Task<PoolAccounts> OpenAsync(
            CliConsole console, ParseResult parsed, AccountOptions options, CliSettings settings, IReadOnlyList<PoolDefinition> pools, CancellationToken cancellationToken,
            bool everyAccount = false)
        {
            var defaultChoice = options.Resolve(parsed, settings);
            var batch = defaultChoice.Source == AccountOptions.CommandLineSource ? null : settings.Options().Batch;
            var notes = new List<string>();
            var choices = new Dictionary<AccountKey, AccountChoice>();
            var accounts = new Dictionary<PoolDefinition, AccountKey>(ReferenceEqualityComparer.Instance);
            foreach (var pool in pools)
            {
                var choice = Choose(pool, defaultChoice, batch, notes);
                // The same account named in two spellings, or also the default, is one account: one client.
                var key = new AccountKey(choice.Endpoint, choice.Name, choice.Key, choice.Principal);
                choices.TryAdd(key, choice);
                accounts[pool] = key;
            }
            if (choices.Count == 0) choices[new AccountKey(defaultChoice.Endpoint, defaultChoice.Name, defaultChoice.Key, defaultChoice.Principal)] = defaultChoice;

            var connections = new Dictionary<AccountKey, BatchConnection>();
            var opened = new PoolAccounts(connections, choices, accounts);
            var signIn = new SignIn(console);
            try
            {
                foreach (var (key, choice) in choices)
                {
                    connections[key] = await BatchConnection.OpenAsync(console, choice, signIn, cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                await opened.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            foreach (var (key, connection) in connections)
            {
                var served = pools.Where(p => accounts[p] == key).Select(p => p.Id);
                console.Error.WriteLine("Batch account: " + connection.Description + (connections.Count > 1 && !everyAccount ? $" (pools {string.Join(", ", served)})" : ""));
            }
            if (!everyAccount) foreach (var note in notes) console.Error.WriteLine(note);
            return opened;
        }

        private static AccountChoice Choose(PoolDefinition pool, AccountChoice defaultChoice, BatchAccountOptions? batch, List<string> notes)
        {
            if (pool.Account is not { Length: > 0 } name) return defaultChoice;
            if (batch is null)
            {
                notes.Add($"note: pool '{pool.Id}' names Batch account '{name}'; --endpoint chooses one account for every pool.");
                return defaultChoice;
            }

            var section = $"{ClusterlessHpcOptions.SectionName}:Batch:Accounts:{name}";
            var settings = batch.For(name) ?? throw new CliException(ExitCodes.InvalidInput,
                $"Pool '{pool.Id}' names Batch account '{name}', which is not configured: set {section}:Endpoint (environment variable " +
                $"{section.Replace(":", "__", StringComparison.Ordinal)}__Endpoint), or pass --endpoint to use one account for every pool. Nothing was sent.");
            if (ReferenceEquals(settings, batch))
            {
                notes.Add($"note: pool '{pool.Id}' names Batch account '{name}', which is not configured; the emulator stands in for it.");
                return defaultChoice;
            }
            var principal = AccountOptions.PrincipalOf(settings, section);
            return AccountOptions.Choose(settings.Endpoint!, NullIfEmpty(settings.AccountName), NullIfEmpty(settings.AccountKey), principal, section,
                $"set {section}:AccountKey");
        }

        // Configuration gives "" for a key set to nothing; as for the default account, that means unset.
        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        public async ValueTask DisposeAsync()
        {
            // Each one, even when an earlier one fails to stop: an in-process emulator must not outlive the command.
            List<Exception>? errors = null;
            foreach (var connection in _connections.Values)
            {
                try
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    (errors ??= []).Add(e);
                }
            }
            if (errors is not null) throw new AggregateException(errors);
        }

        private readonly record struct AccountKey(Uri? Endpoint, string? Name, string? Key, ServicePrincipal? Principal);
    }
}
