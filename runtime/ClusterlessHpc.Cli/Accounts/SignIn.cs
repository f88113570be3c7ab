using System;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Hosting;

namespace ClusterlessHpc.Cli.Accounts
{
    /// <summary>
    /// The clients of one command, made by the rule an application's <see cref="BatchClientFactory"/> uses
    /// (<see cref="BatchAccountClients"/>): one credential per service principal, however many accounts it signs in to
    /// (so they share its tokens), and one DefaultAzureCredential for the accounts with neither key nor principal.
    /// </summary>
    internal sealed class SignIn(CliConsole console)
    {
        /// <summary>Azure.Identity's variable for a sovereign or private cloud's sign-in authority.</summary>
        public const string AuthorityHostVariable = "AZURE_AUTHORITY_HOST";

        private readonly BatchAccountClients _clients = new(() => ClientOptions(console), console.Transport,
            Uri.TryCreate(console.GetEnvironmentVariable(AuthorityHostVariable), UriKind.Absolute, out var host) ? host : null);

        /// <summary>The client of <paramref name="choice"/>, an account with an endpoint.</summary>
        public BatchClient ClientFor(AccountChoice choice)
        {
            var endpoint = choice.Endpoint ?? throw new ArgumentException("The emulator's client is made by BatchConnection.", nameof(choice));
            var principal = choice.Principal is { } p ? (p.TenantId, p.ClientId, p.Secret) : ((string, string, string)?)null;
            try
            {
                return _clients.Create(endpoint, choice.Name, choice.Key, principal, choice.Source == AccountOptions.CommandLineSource ? "give --key" : "set the account's AccountKey");
            }
            catch (InvalidOperationException e)
            {
                throw new CliException(ExitCodes.InvalidInput, e.Message, e);
            }
        }

        /// <summary>Options for chpc's Batch clients: the console's transport, when it has one.</summary>
        public static BatchClientOptions ClientOptions(CliConsole console)
        {
            var options = new BatchClientOptions();
            if (console.Transport is { } transport) options.Transport = transport;
            return options;
        }
    }
}
