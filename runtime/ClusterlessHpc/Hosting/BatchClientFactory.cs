using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Identity;
using ClusterlessHpc.Batch;
using Microsoft.Extensions.Options;

namespace ClusterlessHpc.Hosting
{
    /// <summary>Makes one <see cref="BatchClient"/> per configured account (the default one, or a named one).</summary>
    public sealed class BatchClientFactory
    {
        private readonly IOptions<ClusterlessHpcOptions> _options;
        private readonly IBatchEndpointFallback? _fallback;
        private readonly ConcurrentDictionary<string, Lazy<Task<BatchClient>>> _clients = new(StringComparer.OrdinalIgnoreCase);

        // One credential per identity, so accounts that share a service principal (or DefaultAzureCredential) share its tokens.
        private readonly ConcurrentDictionary<(string Tenant, string Client, string Secret), TokenCredential> _credentials = new();

        public BatchClientFactory(IOptions<ClusterlessHpcOptions> options, IBatchEndpointFallback? fallback = null)
        {
            _options = options;
            _fallback = fallback;
        }

        /// <summary>The client for <paramref name="account"/> (null: the default account).</summary>
        /// <exception cref="InvalidOperationException">The account is not configured, and no emulator stands in.</exception>
        public Task<BatchClient> GetClientAsync(string? account = null, CancellationToken cancellationToken = default) =>
            _clients.GetOrAdd(account ?? "", key => new Lazy<Task<BatchClient>>(() => CreateAsync(key, cancellationToken))).Value;

        private async Task<BatchClient> CreateAsync(string account, CancellationToken cancellationToken)
        {
            var settings = _options.Value.Batch.For(account) ?? throw new InvalidOperationException(
                $"A pool uses Batch account '{account}', but configuration has no {ClusterlessHpcOptions.SectionName}:Batch:Accounts:{account}:Endpoint.");
            var section = ClusterlessHpcOptions.SectionName + (ReferenceEquals(settings, _options.Value.Batch) ? ":Batch" : $":Batch:Accounts:{account}");
            settings.EnsureValid(section);

            if (settings.Endpoint is null)
            {
                if (_fallback is null)
                {
                    throw new InvalidOperationException(
                        $"No Batch endpoint is configured ({section}:Endpoint) and no emulator is registered (services.AddClusterlessHpcEmulator()).");
                }
                var (endpoint, credential) = await _fallback.GetEndpointAsync(cancellationToken).ConfigureAwait(false);
                return new BatchClient(endpoint, credential);
            }

            if (!string.IsNullOrEmpty(settings.AccountKey))
            {
                var name = settings.AccountName ?? settings.Endpoint.Host.Split('.')[0];
                return new BatchClient(settings.Endpoint, new AzureNamedKeyCredential(name, settings.AccountKey));
            }
            // Refused here rather than by Azure.Core at the first request, where it would surface as a bare InvalidOperationException.
            BatchCredentials.EnsureTokensCanBeSent(settings.Endpoint, $"set {section}:AccountKey");
            var identity = settings.HasServicePrincipal ? (settings.TenantId!, settings.ClientId!, settings.ClientSecret!) : ("", "", "");
            var tokens = _credentials.GetOrAdd(identity, id => id.Tenant.Length == 0
                ? new DefaultAzureCredential()
                : BatchCredentials.ServicePrincipal(id.Tenant, id.Client, id.Secret));
            return new BatchClient(settings.Endpoint, tokens);
        }
    }
}
