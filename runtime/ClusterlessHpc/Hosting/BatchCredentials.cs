using System;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace ClusterlessHpc.Hosting
{
    /// <summary>
    /// How a Batch account signs in, for applications and chpc alike: with its shared key when one is configured; else
    /// as the service principal of <c>TenantId</c>, <c>ClientId</c> and <c>ClientSecret</c> (Azure.Identity's
    /// client-secret credential, as AzureClusterlessHPC.jl signed in with its credentials.json); else with
    /// <c>DefaultAzureCredential</c>. The last two send bearer tokens, which Azure.Core sends over https only.
    /// </summary>
    public static class BatchCredentials
    {
        /// <summary>Whether an account at <paramref name="endpoint"/> can sign in with a bearer token: only over https.</summary>
        public static bool CanSendTokens(Uri endpoint) => endpoint.Scheme == Uri.UriSchemeHttps;

        /// <summary>Refuses a bearer token for an http endpoint before any request, with what to do instead.</summary>
        /// <param name="endpoint">The account's endpoint.</param>
        /// <param name="giveKey">How the user gives the account's key here, for example <c>set ClusterlessHpc:Batch:AccountKey</c>.</param>
        /// <exception cref="InvalidOperationException"><paramref name="endpoint"/> is not https.</exception>
        public static void EnsureTokensCanBeSent(Uri endpoint, string giveKey)
        {
            if (CanSendTokens(endpoint)) return;
            throw new InvalidOperationException(
                $"{endpoint} is plain {endpoint.Scheme}, and without an account key the client signs in with a bearer token, which is sent over https only: " +
                $"{giveKey}, or use the account's https endpoint.");
        }

        /// <summary>The credential of a service principal that signs in with a client secret.</summary>
        /// <param name="tenantId">The principal's tenant.</param>
        /// <param name="clientId">The principal's application (client) id.</param>
        /// <param name="clientSecret">The principal's client secret.</param>
        /// <param name="authorityHost">
        /// A sovereign or private cloud's sign-in authority (for example from <c>AZURE_AUTHORITY_HOST</c>); null: Azure.Identity's
        /// default. For an authority Azure.Identity does not know, instance discovery is off, as such authorities require.
        /// </param>
        /// <param name="transport">The HTTP transport for the token requests (null: Azure.Core's).</param>
        public static ClientSecretCredential ServicePrincipal(
            string tenantId, string clientId, string clientSecret, Uri? authorityHost = null, HttpPipelineTransport? transport = null)
        {
            var options = new ClientSecretCredentialOptions();
            if (authorityHost is not null)
            {
                options.AuthorityHost = authorityHost;
                options.DisableInstanceDiscovery = !IsKnownAuthority(authorityHost);
            }
            if (transport is not null) options.Transport = transport;
            return new ClientSecretCredential(tenantId, clientId, clientSecret, options);
        }

        private static bool IsKnownAuthority(Uri authorityHost) =>
            authorityHost.Host.Equals(AzureAuthorityHosts.AzurePublicCloud.Host, StringComparison.OrdinalIgnoreCase) ||
            authorityHost.Host.Equals(AzureAuthorityHosts.AzureChina.Host, StringComparison.OrdinalIgnoreCase) ||
            authorityHost.Host.Equals(AzureAuthorityHosts.AzureGovernment.Host, StringComparison.OrdinalIgnoreCase);
    }
}
