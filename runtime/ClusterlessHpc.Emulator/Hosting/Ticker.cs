using System;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator.State;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator.Hosting
{
    /// <summary>
    /// Advances the account every few milliseconds of real time, so that executed start tasks start when their node has
    /// booted and autoscale evaluates on time even when nobody asks; and writes the state file after changes.
    /// Requests advance the account too, so what a client sees never depends on this tick.
    /// </summary>
    internal sealed class Ticker : IAsyncDisposable
    {
        private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(50);

        private readonly CancellationTokenSource _stopping = new();
        private readonly Task _loop;

        public Ticker(PoolModel store, StateFile? stateFile, ILogger logger)
        {
            _loop = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(Period);
                try
                {
                    while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
                    {
                        try
                        {
                            store.Advance();
                            stateFile?.SaveIfChanged();
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            logger.LogError(e, "The emulator failed to advance its pools.");
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // Stopping.
                }
            });
        }

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
            _stopping.Dispose();
        }
    }
}
