using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Hosting;

namespace ClusterlessHpc.Emulator.Hosting
{
    /// <summary>Starts one emulator the first time an application asks for Batch with no endpoint configured, and stops it with the application.</summary>
    internal sealed class EmulatorEndpointFallback : IBatchEndpointFallback, IAsyncDisposable
    {
        private readonly BatchEmulatorOptions _options;
        private readonly SemaphoreSlim _gate = new(1, 1);
        private BatchEmulator? _emulator;

        public EmulatorEndpointFallback(BatchEmulatorOptions options) => _options = options;

        public async Task<(Uri Endpoint, AzureNamedKeyCredential Credential)> GetEndpointAsync(CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _emulator ??= await BatchEmulator.StartAsync(_options, cancellationToken).ConfigureAwait(false);
                return (_emulator.Endpoint, _emulator.Credential);
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_emulator is not null) await _emulator.DisposeAsync().ConfigureAwait(false);
            _gate.Dispose();
        }
    }
}
