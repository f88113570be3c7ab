using System;
using System.Collections.Generic;
using Azure.Core;
using Azure.Identity;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Hosting;

namespace ClusterlessHpc.Cli.Accounts
{
    /// <summary>
    /// The token credentials of one command: one per service principal, however many accounts it signs in to (so
    /// they share its tokens), and one DefaultAzureCredential for the accounts with neither key nor principal.
    /// </summary>
    internal sealed class SignIn(CliConsole console)
    {
        /// <summary>Azure.Identity's variable for a sovereign or private cloud's sign-in authority.</summary>
        public const string AuthorityHostVariable = "AZURE_AUTHORITY_HOST";

        private readonly Dictionary<ServicePrincipal, TokenCredential> _principals = new();
        private TokenCredential? _default;

        /// <summary>The client of <paramref name="choice"/>, an account with an endpoint.</summary>
        public BatchClient ClientFor(AccountChoice choice)
        {
            var endpoint = choice.Endpoint ?? throw new ArgumentException("The emulator's client is made by BatchConnection.", nameof(choice));
            var options = ClientOptions(console);
            if (choice.Key is { } key) return new BatchClient(endpoint, new Azure.AzureNamedKeyCredential(choice.Name!, key), options);
            return new BatchClient(endpoint, choice.Principal is { } principal ? For(principal) : Default(), options);
        }

        /// <summary>Options for chpc's Batch clients: the console's transport, when it has one.</summary>
        public static BatchClientOptions ClientOptions(CliConsole console)
        {
            var options = new BatchClientOptions();
            if (console.Transport is { } transport) options.Transport = transport;
            return options;
        }

        private TokenCredential For(ServicePrincipal principal)
        {
            if (!_principals.TryGetValue(principal, out var credential))
            {
                var authority = Uri.TryCreate(console.GetEnvironmentVariable(AuthorityHostVariable), UriKind.Absolute, out var host) ? host : null;
                credential = BatchCredentials.ServicePrincipal(principal.TenantId, principal.ClientId, principal.Secret, authority, console.Transport);
                _principals.Add(principal, credential);
            }
            return credential;
        }

        private TokenCredential Default()
        {
            if (_default is null)
            {
                var options = new DefaultAzureCredentialOptions();
                if (console.Transport is { } transport) options.Transport = transport;
                _default = new DefaultAzureCredential(options);
            }
            return _default;
        }
    }
}
