using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Cli.Output;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>Waits on a <see cref="BatchPoolReadyOperation"/>, reporting the pool's node counts by state as it goes.</summary>
    internal static class PoolWaiter
    {
        /// <exception cref="Azure.RequestFailedException">The pool did not get ready: a resize error, a failed start task, an unusable node.</exception>
        /// <exception cref="TimeoutException">It was not ready within <paramref name="timeout"/>.</exception>
        public static async Task WaitAsync(
            BatchClient client, BatchPoolReadyOperation operation, IProgress<PoolProgress> progress, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var delay = TimeSpan.FromMilliseconds(200);
            try
            {
                while (true)
                {
                    await operation.UpdateStatusAsync(limit.Token).ConfigureAwait(false);
                    var pool = (await client.GetPoolAsync(operation.Id, limit.Token).ConfigureAwait(false)).Value;
                    var nodes = PoolViews.CountByState(await PoolViews.GetNodesAsync(client, operation.Id, limit.Token).ConfigureAwait(false));
                    var target = ((pool.TargetDedicatedNodes ?? 0) + (pool.TargetLowPriorityNodes ?? 0)).ToString(CultureInfo.InvariantCulture);
                    var status = operation.HasCompleted ? (operation.HasValue ? "ready" : "failed") : pool.AllocationState?.ToString() ?? "?";
                    progress.Report(new PoolProgress(operation.Id, status, nodes, target, clock.Elapsed,
                        $"{status}; {PoolViews.Summary(nodes)} of {target}"));
                    if (operation.HasCompleted)
                    {
                        _ = operation.Value; // throws the failure
                        return;
                    }
                    await Task.Delay(delay, limit.Token).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                }
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Pool '{operation.Id}' was not ready within {timeout}; it is left as it is.");
            }
        }
    }
}
