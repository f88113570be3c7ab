using System;
using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using ClusterlessHpc.Batch;

namespace ClusterlessHpc.Hosting
{
    /// <summary>
    /// The one rule from an account's settings to its <see cref="BatchClient"/>, for applications
    /// (<see cref="BatchClientFactory"/>) and chpc alike: its shared key; else its service principal; else
    /// DefaultAzureCredential (see <see cref="BatchCredentials"/>). An account on a loopback address given with none
    /// of name, key and principal is the emulator's development account. Token credentials are shared: one per
    /// service principal (tenant and client id), so the accounts it signs in to share its tokens, and one
    /// DefaultAzureCredential for the process.
    /// </summary>
    public sealed class BatchAccountClients
    {
        /// <summary>The emulator's well-known account name (<c>BatchEmulatorOptions.DevelopmentAccountName</c>).</summary>
        public const string DevelopmentAccountName = "devbatch";

        /// <summary>
        /// The emulator's well-known key of <see cref="DevelopmentAccountName"/>. It is public, published in the README,
        /// and only for the emulator (as Azurite's <c>devstoreaccount1</c> key is): never use it for a real account.
        /// </summary>
        public const string DevelopmentAccountKey =
            "YKWG/Hm3GFMi1cPxXCgwLiPIkN1ACxBdrRp74JYjm3mOEu1Z4sUCaLGpDUrLCGJXMOl3UbrK1iBk7PxvvHzZNA==";

        // Its token cache is the point of sharing it: every client in the process signs in once.
        private static readonly Lazy<TokenCredential> ProcessDefault = new(() => new DefaultAzureCredential());

        private readonly Func<BatchClientOptions> _clientOptions;
        private readonly HttpPipelineTransport? _transport;
        private readonly Uri? _authorityHost;
        private readonly Lazy<TokenCredential> _default;
        private readonly ConcurrentDictionary<(string Tenant, string Client), Lazy<TokenCredential>> _principals = new();

        /// <param name="clientOptions">Makes the options of each client (null: <see cref="BatchClientOptions"/>'s defaults with <paramref name="transport"/>).</param>
        /// <param name="transport">The HTTP transport for token requests, and for clients when <paramref name="clientOptions"/> is null (null: Azure.Core's).</param>
        /// <param name="authorityHost">A sovereign or private cloud's sign-in authority for service principals (null: Azure.Identity's default).</param>
        public BatchAccountClients(Func<BatchClientOptions>? clientOptions = null, HttpPipelineTransport? transport = null, Uri? authorityHost = null)
        {
            _transport = transport;
            _authorityHost = authorityHost;
            _clientOptions = clientOptions ?? (() =>
            {
                var options = new BatchClientOptions();
                if (transport is not null) options.Transport = transport;
                return options;
            });
            // A transport of its own (a test's, a proxy's) needs a credential of its own; otherwise the process's one.
            _default = transport is null
                ? ProcessDefault
                : new Lazy<TokenCredential>(() => new DefaultAzureCredential(new DefaultAzureCredentialOptions { Transport = transport }));
        }

        /// <summary>Whether an account given as <paramref name="endpoint"/> alone is the emulator's development account: it is on a loopback address.</summary>
        public static bool IsDevelopmentAccount(Uri endpoint, string? name, string? key, bool hasPrincipal) =>
            name is null && key is null && !hasPrincipal && IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);

        /// <summary>The client of the account at <paramref name="endpoint"/>.</summary>
        /// <param name="endpoint">The account's endpoint, for example <c>https://myaccount.westeurope.batch.azure.com</c>.</param>
        /// <param name="name">The account name (null: <see cref="NameOf"/> the endpoint).</param>
        /// <param name="key">The account's shared key, base64; null signs in with a token.</param>
        /// <param name="principal">The service principal that signs in when there is no key (tenant, client id, secret).</param>
        /// <param name="giveKey">How the user gives the account's key, for the message when an http endpoint has none.</param>
        /// <exception cref="InvalidOperationException">Without a key, the endpoint is not https.</exception>
        public BatchClient Create(Uri endpoint, string? name, string? key, (string TenantId, string ClientId, string Secret)? principal, string giveKey)
        {
            ArgumentNullException.ThrowIfNull(endpoint);
            if (IsDevelopmentAccount(endpoint, name, key, principal is not null))
            {
                (name, key) = (DevelopmentAccountName, DevelopmentAccountKey);
            }
            if (key is not null) return new BatchClient(endpoint, new AzureNamedKeyCredential(name ?? NameOf(endpoint), key), _clientOptions());
            // Refused here rather than by Azure.Core at the first request, where it would surface as a bare InvalidOperationException.
            BatchCredentials.EnsureTokensCanBeSent(endpoint, giveKey);
            return new BatchClient(endpoint, principal is { } p ? ServicePrincipal(p.TenantId, p.ClientId, p.Secret) : _default.Value, _clientOptions());
        }

        /// <summary>The client of a configured account (<see cref="BatchAccountOptions"/> with an endpoint).</summary>
        /// <param name="settings">The account's settings.</param>
        /// <param name="section">Where the settings come from, for messages (for example <c>ClusterlessHpc:Batch:Accounts:gamma</c>).</param>
        /// <exception cref="InvalidOperationException">The settings are not valid, or without a key the endpoint is not https.</exception>
        public BatchClient Create(BatchAccountOptions settings, string section)
        {
            ArgumentNullException.ThrowIfNull(settings);
            settings.EnsureValid(section);
            var endpoint = settings.Endpoint ?? throw new InvalidOperationException($"{section}:Endpoint is not set.");
            var principal = settings.HasServicePrincipal ? (settings.TenantId!, settings.ClientId!, settings.ClientSecret!) : ((string, string, string)?)null;
            return Create(endpoint, NullIfEmpty(settings.AccountName), NullIfEmpty(settings.AccountKey), principal, $"set {section}:AccountKey");
        }

        /// <summary>
        /// The account name a bare endpoint implies: its first label (<c>myaccount</c> of <c>myaccount.westeurope.batch.azure.com</c>);
        /// <see cref="DevelopmentAccountName"/> for an IP address (an emulator's, such as 127.0.0.1), whose first part names nothing.
        /// </summary>
        public static string NameOf(Uri endpoint) =>
            endpoint.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 ? DevelopmentAccountName : endpoint.Host.Split('.')[0];

        private TokenCredential ServicePrincipal(string tenantId, string clientId, string secret) =>
            _principals.GetOrAdd((tenantId, clientId), _ => new Lazy<TokenCredential>(
                () => BatchCredentials.ServicePrincipal(tenantId, clientId, secret, _authorityHost, _transport))).Value;

        // Configuration gives "" for a key set to nothing: that means unset.
        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
