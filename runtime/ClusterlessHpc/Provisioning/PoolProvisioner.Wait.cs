using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>Waiting: polls with exponential back-off, asks only for what it needs, fails fast and says why.</summary>
    public partial class PoolProvisioner
    {
        /// <summary>
        /// Waits until the pool is steady at its targets with every node idle. Fails fast on a start-task failure (with
        /// the end of the node's stderr.txt), a resize error, or unusable nodes.
        /// </summary>
        public virtual async Task<BatchPool> WaitUntilReadyAsync(string poolId, IProgress<ProvisioningProgress>? progress = null, CancellationToken cancellationToken = default) =>
            await WaitUntilReadyAsync(poolId, new Reporter(poolId, progress), cancellationToken).ConfigureAwait(false);

        private async Task<BatchPool> WaitUntilReadyAsync(string poolId, Reporter report, CancellationToken cancellationToken)
        {
            using var activity = ProvisioningTelemetry.Start("Wait", poolId);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            var delay = _options.FirstPollDelay;
            string? lastMessage = null;
            try
            {
                while (true)
                {
                    BatchPool pool;
                    var nodes = new List<BatchNode>();
                    try
                    {
                        pool = (await _client.GetPoolAsync(poolId, WaitPoolSelect, cancellationToken: timeout.Token).ConfigureAwait(false)).Value;
                        await foreach (var node in _client.GetNodesAsync(poolId, select: WaitNodeSelect, cancellationToken: timeout.Token).ConfigureAwait(false)) nodes.Add(node);
                    }
                    catch (Exception e) when (IsTransient(e))
                    {
                        // A poll that failed after the client's own retries is a missed poll, not a failed pool.
                        await Task.Delay(delay, timeout.Token).ConfigureAwait(false);
                        delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollDelay.Ticks));
                        continue;
                    }
                    // The pool's own targets: the definition's for a fixed-size pool, the formula's for an autoscale pool.
                    var target = (pool.TargetDedicatedNodes ?? 0) + (pool.TargetLowPriorityNodes ?? 0);

                    await ThrowOnFailureAsync(poolId, pool, nodes, timeout.Token).ConfigureAwait(false);

                    var counts = nodes.GroupBy(n => n.State ?? BatchNodeState.Unknown).ToDictionary(g => g.Key, g => g.Count());
                    var idle = counts.GetValueOrDefault(BatchNodeState.Idle);
                    if (pool.AllocationState == AllocationState.Steady && nodes.Count == target && idle == target)
                    {
                        // The polls asked for a few properties; the caller gets the whole pool.
                        var ready = await RetryTransientAsync(async () => (await _client.GetPoolAsync(poolId, timeout.Token).ConfigureAwait(false)).Value, timeout.Token).ConfigureAwait(false);
                        report.Stage(ProvisioningStage.Ready, $"ready: {idle} idle node(s)", ready, counts);
                        return ready;
                    }
                    var message = $"{pool.AllocationState?.ToString() ?? "?"}; " +
                                  (nodes.Count == 0 ? "no nodes yet" : string.Join(", ", counts.OrderBy(c => c.Key.ToString()).Select(c => $"{c.Value} {c.Key}"))) +
                                  $" of {target}";
                    if (message != lastMessage)
                    {
                        report.Stage(ProvisioningStage.WaitingForNodes, message, pool, counts);
                        lastMessage = message;
                    }

                    await Task.Delay(delay, timeout.Token).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollDelay.Ticks));
                }
            }
            catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                ProvisioningTelemetry.Fail(activity, e);
                throw new TimeoutException(
                    $"Pool '{poolId}' was not ready within {DurationText.Format(_options.Timeout)} (last seen: {lastMessage ?? "nothing"}). " +
                    "The pool exists and keeps allocating: wait again, resize it, or delete it.");
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(
                    $"Waiting for pool '{poolId}' was cancelled (last seen: {lastMessage ?? "nothing"}). The pool exists and keeps allocating: wait again, resize it, or delete it.",
                    e, cancellationToken);
            }
        }

        private async Task ThrowOnFailureAsync(string poolId, BatchPool pool, IReadOnlyList<BatchNode> nodes, CancellationToken cancellationToken)
        {
            if (pool.State == BatchPoolState.Deleting)
            {
                throw new PoolProvisioningException(poolId, "PoolBeingDeleted", $"Pool '{poolId}' is being deleted.");
            }
            var failed = nodes.FirstOrDefault(n => n.State == BatchNodeState.StartTaskFailed);
            if (failed is not null)
            {
                var tail = await StderrTailAsync(poolId, failed.Id!, cancellationToken).ConfigureAwait(false);
                throw new StartTaskFailedException(poolId, failed.Id ?? "?", failed.StartTaskInfo?.ExitCode, failed.StartTaskInfo?.FailureInfo?.Message, tail);
            }
            if (pool.AllocationState == AllocationState.Steady && pool.ResizeErrors is { Count: > 0 } errors)
            {
                var first = errors[0];
                throw new PoolProvisioningException(poolId, first.Code ?? "ResizeError",
                    $"Pool '{poolId}' could not reach its targets: " + string.Join("; ", errors.Select(e => $"{e.Code}: {e.Message}")));
            }
            var unusable = nodes.Where(n => n.State == BatchNodeState.Unusable).ToList();
            if (unusable.Count > 0)
            {
                var reasons = unusable.SelectMany(n => n.Errors ?? []).Select(e => $"{e.Code}: {e.Message}").Distinct().ToList();
                throw new PoolProvisioningException(poolId, "NodeUnusable",
                    $"{unusable.Count} node(s) of pool '{poolId}' are unusable ({string.Join(", ", unusable.Select(n => n.Id))})" +
                    (reasons.Count == 0 ? "." : ": " + string.Join("; ", reasons)));
            }
        }

        /// <summary>The last lines of the start task's stderr.txt, or null when the node has none (or it cannot be read).</summary>
        private async Task<string?> StderrTailAsync(string poolId, string nodeId, CancellationToken cancellationToken)
        {
            try
            {
                var content = (await _client.GetNodeFileAsync(poolId, nodeId, "startup/stderr.txt", cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
                var lines = content.ToString().Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
                return string.Join("\n", lines.Skip(Math.Max(0, lines.Length - _options.StderrTailLines)));
            }
            catch (RequestFailedException)
            {
                return null;
            }
        }

        /// <exception cref="TimeoutException">The pool was still resizing after <see cref="PoolProvisionerOptions.Timeout"/>.</exception>
        private Task WaitUntilSteadyAsync(string poolId, CancellationToken cancellationToken) =>
            PollUntilAsync(
                async token => (await _client.GetPoolAsync(poolId, ["allocationState"], cancellationToken: token).ConfigureAwait(false)).Value.AllocationState == AllocationState.Steady,
                () => $"Pool '{poolId}' was still resizing {DurationText.Format(_options.Timeout)} later. Batch goes on with it: check again with 'chpc status {poolId}', or stop the resize.",
                cancellationToken);

        /// <exception cref="TimeoutException">The pool still existed after <see cref="PoolProvisionerOptions.Timeout"/>.</exception>
        private Task WaitUntilDeletedAsync(string poolId, CancellationToken cancellationToken) =>
            PollUntilAsync(
                async token => !(await _client.PoolExistsAsync(poolId, cancellationToken: token).ConfigureAwait(false)).Value,
                () => $"Pool '{poolId}' still existed {DurationText.Format(_options.Timeout)} after it was deleted. Batch goes on deleting it: check again with 'chpc status {poolId}'.",
                cancellationToken);

        /// <summary>
        /// Polls with back-off until <paramref name="done"/>, bounded by the timeout like every wait: a pool stuck
        /// resizing or deleting must not hang an apply, a cleanup or a test run.
        /// </summary>
        private async Task PollUntilAsync(Func<CancellationToken, Task<bool>> done, Func<string> timedOut, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            var delay = _options.FirstPollDelay;
            try
            {
                while (!await done(timeout.Token).ConfigureAwait(false))
                {
                    await Task.Delay(delay, timeout.Token).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollDelay.Ticks));
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(timedOut());
            }
        }
    }
}
