using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Provisioning;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterlessHpc.Hosting
{
    /// <summary>
    /// Provisions the pools of <c>ProvisionAtStartup</c> when the host starts: in the background by default, or
    /// before the host finishes starting with <see cref="ClusterlessHpcOptions.WaitForPoolsAtStartup"/>. Each pool's
    /// state is on the <see cref="PoolStatusBoard"/> (and so in its health check).
    /// </summary>
    internal sealed class PoolProvisioningService : IHostedService, IDisposable
    {
        private readonly StartupPools _pools;
        private readonly BatchClientFactory _clients;
        private readonly PoolStatusBoard _board;
        private readonly IOptions<ClusterlessHpcOptions> _options;
        private readonly ILogger<PoolProvisioningService> _logger;
        private readonly CancellationTokenSource _stopping = new();
        private readonly PoolProvisionerFactory _provisioners;
        private Task? _background;

        public PoolProvisioningService(StartupPools pools, BatchClientFactory clients, PoolStatusBoard board,
            IOptions<ClusterlessHpcOptions> options, PoolProvisionerFactory provisioners, ILogger<PoolProvisioningService> logger)
        {
            _pools = pools;
            _clients = clients;
            _board = board;
            _options = options;
            _logger = logger;
            _provisioners = provisioners;
        }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var pool in _pools.Pools) _board.Set(new PoolStatus(pool.Id, PoolState.Pending));
            var all = ProvisionAllAsync(_stopping.Token);
            if (_options.Value.WaitForPoolsAtStartup)
            {
                await all.WaitAsync(cancellationToken).ConfigureAwait(false);
                var failed = _board.All.Where(s => s.State == PoolState.Failed).ToList();
                if (failed.Count > 0)
                {
                    throw new InvalidOperationException("Pools failed to provision at startup: " + string.Join("; ", failed.Select(f => $"{f.PoolId}: {f.Message}")));
                }
            }
            else
            {
                _background = all;
            }
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            _stopping.Cancel();
            if (_background is not null)
            {
                try
                {
                    await _background.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Stopping while a pool provisions: the pool is left as it is, and its state says so.
                }
            }
        }

        public void Dispose() => _stopping.Dispose();

        /// <summary>The file name of the application's entry assembly (<c>MyApp.dll</c>), or null when there is none.</summary>
        private static string? ApplicationSource =>
            System.Reflection.Assembly.GetEntryAssembly()?.Location is { Length: > 0 } location ? System.IO.Path.GetFileName(location) : null;

        private Task ProvisionAllAsync(CancellationToken cancellationToken) =>
            Task.WhenAll(_pools.Pools.Select(pool => ProvisionAsync(pool, cancellationToken)));

        private async Task ProvisionAsync(PoolDefinition pool, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                _board.Set(new PoolStatus(pool.Id, PoolState.Provisioning));
                var client = await _clients.GetClientAsync(pool.Account, cancellationToken).ConfigureAwait(false);
                LogEvents.ProvisioningStarted(_logger, pool.Id, client.Endpoint.ToString());
                // The application's assembly owns the pools it provisions, as 'chpc apply --assembly' of it would record.
                var provisioner = _provisioners.Create(client, o => o.Source ??= ApplicationSource);
                var progress = new Progress(_logger, _board);
                await provisioner.ApplyAsync(pool, progress, cancellationToken).ConfigureAwait(false);
                LogEvents.PoolReady(_logger, pool.Id, clock.Elapsed);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _board.Set(new PoolStatus(pool.Id, PoolState.Failed, "provisioning was stopped with the application; the pool was left as it was"));
                throw;
            }
            catch (Exception e)
            {
                _board.Set(new PoolStatus(pool.Id, PoolState.Failed, e.Message));
                LogEvents.ProvisioningFailed(_logger, pool.Id, e.Message, e);
            }
        }

        /// <summary>Logs each step and shows it on the board, synchronously (no sync context involved).</summary>
        private sealed class Progress : IProgress<ProvisioningProgress>
        {
            private readonly ILogger _logger;
            private readonly PoolStatusBoard _board;

            public Progress(ILogger logger, PoolStatusBoard board)
            {
                _logger = logger;
                _board = board;
            }

            public void Report(ProvisioningProgress value)
            {
                if (value.Stage == ProvisioningStage.Stalled)
                {
                    LogEvents.PoolStalled(_logger, value.PoolId, value.Message);
                    _board.Set(new PoolStatus(value.PoolId, PoolState.Stalled, value.Message));
                    return;
                }
                LogEvents.ProvisioningProgress(_logger, value.PoolId, value.Message);
                // A stalled pool stays stalled, with its cause, until it is ready: progress alone does not cure it.
                if (value.Stage != ProvisioningStage.Ready && _board.Get(value.PoolId) is { State: PoolState.Stalled }) return;
                _board.Set(new PoolStatus(value.PoolId, value.Stage == ProvisioningStage.Ready ? PoolState.Ready : PoolState.Provisioning, value.Message));
            }
        }
    }
}
