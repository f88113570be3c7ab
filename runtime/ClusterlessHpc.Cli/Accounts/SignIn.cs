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

        // Made at the first account that needs it: the emulator's commands never read the sign-in settings.
        private readonly Lazy<BatchAccountClients> _clients = new(() => new BatchAccountClients(() => ClientOptions(console), console.Transport, AuthorityHost(console)));

        /// <summary>
        /// <see cref="AuthorityHostVariable"/> when set: an https URL, else an error naming the variable (Azure.Identity reads
        /// the variable too, and would fail on it at the first sign-in with a bare URI error).
        /// </summary>
        private static Uri? AuthorityHost(CliConsole console)
        {
            if (console.GetEnvironmentVariable(AuthorityHostVariable) is not { Length: > 0 } text) return null;
            if (Uri.TryCreate(text, UriKind.Absolute, out var host) && host.Scheme == Uri.UriSchemeHttps) return host;
            throw new CliException(ExitCodes.InvalidInput, $"{AuthorityHostVariable} '{text}' is not an https URL such as https://login.microsoftonline.us/.");
        }

        /// <summary>The client of <paramref name="choice"/>, an account with an endpoint.</summary>
        public BatchClient ClientFor(AccountChoice choice)
        {
            var endpoint = choice.Endpoint ?? throw new ArgumentException("The emulator's client is made by BatchConnection.", nameof(choice));
            var principal = choice.Principal is { } p ? (p.TenantId, p.ClientId, p.Secret) : ((string, string, string)?)null;
            try
            {
                return _clients.Value.Create(endpoint, choice.Name, choice.Key, principal, choice.Source == AccountOptions.CommandLineSource ? "give --key" : "set the account's AccountKey");
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
