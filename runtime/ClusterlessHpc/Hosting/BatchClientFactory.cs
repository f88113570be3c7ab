using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using Microsoft.Extensions.Options;

namespace ClusterlessHpc.Hosting
{
    /// <summary>Makes one <see cref="BatchClient"/> per configured account (the default one, or a named one).</summary>
    public sealed class BatchClientFactory
    {
        private readonly IOptions<ClusterlessHpcOptions> _options;
        private readonly IBatchEndpointFallback? _fallback;
        private readonly BatchClientOptions? _clientOptions;
        private readonly BatchAccountClients _accounts;
        private readonly ConcurrentDictionary<string, Lazy<Task<BatchClient>>> _clients = new(StringComparer.OrdinalIgnoreCase);

        /// <param name="options">The <c>ClusterlessHpc</c> configuration section.</param>
        /// <param name="fallback">Where requests go with no endpoint configured (the emulator, when registered).</param>
        /// <param name="clientOptions">The options of every client (retries, transport, diagnostics); registered in services, or Azure.Core's defaults.</param>
        public BatchClientFactory(IOptions<ClusterlessHpcOptions> options, IBatchEndpointFallback? fallback = null, BatchClientOptions? clientOptions = null)
        {
            _options = options;
            _fallback = fallback;
            _clientOptions = clientOptions;
            _accounts = new BatchAccountClients(clientOptions is null ? null : () => clientOptions);
        }

        /// <summary>
        /// The client for <paramref name="account"/> (null: the default account). A first attempt that failed or was
        /// cancelled is not kept: the next call tries again.
        /// </summary>
        /// <exception cref="InvalidOperationException">The account is not configured, and no emulator stands in.</exception>
        public async Task<BatchClient> GetClientAsync(string? account = null, CancellationToken cancellationToken = default)
        {
            var key = account ?? "";
            while (true)
            {
                var attempt = _clients.GetOrAdd(key, k => new Lazy<Task<BatchClient>>(() => CreateAsync(k, cancellationToken)));
                try
                {
                    return await attempt.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (attempt.Value.IsFaulted || attempt.Value.IsCanceled)
                {
                    // Forgotten, so a fixed configuration or a transient failure (the emulator's port, a cancelled start) is tried again.
                    _clients.TryRemove(new KeyValuePair<string, Lazy<Task<BatchClient>>>(key, attempt));
                    // Another caller's cancellation is not this caller's: it tries again with its own token.
                    if (attempt.Value.IsCanceled && !cancellationToken.IsCancellationRequested) continue;
                    throw;
                }
            }
        }

        private async Task<BatchClient> CreateAsync(string account, CancellationToken cancellationToken)
        {
            var settings = _options.Value.Batch.For(account) ?? throw new InvalidOperationException(
                $"A pool uses Batch account '{account}', but configuration has no {ClusterlessHpcOptions.SectionName}:Batch:Accounts:{account}:Endpoint.");
            var section = ClusterlessHpcOptions.SectionName + (ReferenceEquals(settings, _options.Value.Batch) ? ":Batch" : $":Batch:Accounts:{account}");
            settings.EnsureValid(section);
            if (settings.Endpoint is not null) return _accounts.Create(settings, section);

            if (_fallback is null)
            {
                throw new InvalidOperationException(
                    $"No Batch endpoint is configured ({section}:Endpoint) and no emulator is registered (services.AddClusterlessHpcEmulator()).");
            }
            var (endpoint, credential) = await _fallback.GetEndpointAsync(cancellationToken).ConfigureAwait(false);
            return _clientOptions is null ? new BatchClient(endpoint, credential) : new BatchClient(endpoint, credential, _clientOptions);
        }
    }
}
