using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// Waiting: each wait is one of the client's operations (<see cref="BatchPoolReadyOperation"/>,
    /// <see cref="BatchPoolSteadyOperation"/>, <see cref="BatchPoolDeleteOperation"/>, and a job's deletion), polled with
    /// the options' back-off on the options' clock, bounded by the timeout, and turned into the provisioner's errors.
    /// </summary>
    public partial class PoolProvisioner
    {
        /// <summary>
        /// Waits until the pool is ready as <see cref="BatchPoolReadyOperation"/> defines it: steady at its targets with
        /// every node idle or running. Fails fast on a start-task failure (with the end of the node's stderr.txt), a
        /// resize error, unusable nodes, or a pool being deleted.
        /// </summary>
        public virtual async Task<BatchPool> WaitUntilReadyAsync(string poolId, IProgress<ProvisioningProgress>? progress = null, CancellationToken cancellationToken = default) =>
            await WaitUntilReadyAsync(poolId, new Reporter(poolId, progress, Time), definition: null, cancellationToken).ConfigureAwait(false);

        /// <summary>The clock every wait sleeps on, every timeout runs on and every elapsed time is read from.</summary>
        private TimeProvider Time => _options.TimeProvider ?? TimeProvider.System;

        /// <summary>The one back-off of every poll and retry: exponential from the first delay to the longest.</summary>
        private DelayStrategy Delays => OperationPolling.Backoff(_options.FirstPollDelay, _options.MaxPollDelay);

        // The definition, when known, traces a start-task failure to the step and the declaration that failed.
        private async Task<BatchPool> WaitUntilReadyAsync(string poolId, Reporter report, PoolDefinition? definition, CancellationToken cancellationToken)
        {
            return await ProvisioningTelemetry.RunAsync("Wait", poolId, async () =>
            {
                var operation = new BatchPoolReadyOperation(_client, poolId, Time);
                string? lastMessage = null;
                var waitStarted = Time.GetUtcNow();
                var stalledBy = StallCause.None;
                try
                {
                    await WaitAsync(operation, () =>
                    {
                        var pool = operation.LastPool!;
                        var nodes = operation.Nodes;
                        var counts = CountByState(nodes);
                        var message = $"{pool.AllocationState?.ToString() ?? "?"}; " +
                                      (nodes.Count == 0 ? "no nodes yet" : string.Join(", ", counts.OrderBy(c => c.Key.ToString()).Select(c => $"{c.Value} {c.Key}"))) +
                                      $" of {(pool.TargetDedicatedNodes ?? 0) + (pool.TargetLowPriorityNodes ?? 0)}";
                        if (message != lastMessage)
                        {
                            report.Stage(ProvisioningStage.WaitingForNodes, message, pool, counts);
                            lastMessage = message;
                        }
                        // A failure the wait ends on is reported as that failure; a stall is what the wait goes on through.
                        if (operation.Failure is null && ExplainWhileWaiting(pool, nodes, waitStarted) is { IsStalled: true } stall && stall.Cause != stalledBy)
                        {
                            report.Stage(ProvisioningStage.Stalled, stall.ToString(), pool, counts);
                            stalledBy = stall.Cause;
                        }
                    },
                    () => $"Pool '{poolId}' was not ready within {DurationText.Format(_options.Timeout)} (last seen: {lastMessage ?? "nothing"}). " +
                          "The pool exists and keeps allocating: wait again, resize it, or delete it.",
                    cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException e)
                {
                    throw await ExplainTimeoutAsync(poolId, e, waitStarted, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(
                        $"Waiting for pool '{poolId}' was cancelled (last seen: {lastMessage ?? "nothing"}). The pool exists and keeps allocating: wait again, resize it, or delete it.",
                        e, cancellationToken);
                }

                if (operation.Failure is { } failure) await ThrowAsync(poolId, failure, definition, cancellationToken).ConfigureAwait(false);
                var ready = operation.Value;
                var readyCounts = CountByState(operation.Nodes);
                var idle = readyCounts.GetValueOrDefault(BatchNodeState.Idle);
                var running = readyCounts.GetValueOrDefault(BatchNodeState.Running);
                report.Stage(ProvisioningStage.Ready,
                    running == 0 ? $"ready: {idle} idle node(s)" : $"ready: {idle} idle and {running} running node(s)", ready, readyCounts);
                return ready;
            }).ConfigureAwait(false);
        }

        /// <summary>The stall explanation of what the wait's last poll saw (no further requests), below target since the wait began at the latest.</summary>
        private PoolStallExplanation ExplainWhileWaiting(BatchPool pool, IReadOnlyList<BatchNode> nodes, DateTimeOffset waitStarted)
        {
            var now = Time.GetUtcNow();
            var since = PoolStallExplainer.BelowTargetSince(pool, nodes, now);
            var evidence = new PoolStallEvidence(pool, nodes, now) { BelowTargetSince = since is { } s && s < waitStarted ? s : since is null ? null : waitStarted };
            return PoolStallExplainer.Explain(evidence, _options.StallThreshold);
        }

        /// <summary>
        /// The wait's timeout, with the root cause read from everything the service shows (the account's node counts and
        /// the waiting tasks too); the plain timeout when that cannot be read.
        /// </summary>
        private async Task<TimeoutException> ExplainTimeoutAsync(string poolId, TimeoutException timeout, DateTimeOffset waitStarted, CancellationToken cancellationToken)
        {
            try
            {
                var evidence = await PoolStallExplainer.GatherAsync(_client, poolId, Time, cancellationToken).ConfigureAwait(false);
                if (evidence.BelowTargetSince is { } since && since > waitStarted)
                {
                    evidence = new PoolStallEvidence(evidence.Pool, evidence.Nodes, evidence.ObservedAt)
                    {
                        BelowTargetSince = waitStarted,
                        PoolNodeCounts = evidence.PoolNodeCounts,
                        AccountNodeCounts = evidence.AccountNodeCounts,
                        PendingTasks = evidence.PendingTasks,
                        PendingJobs = evidence.PendingJobs,
                    };
                }
                var explanation = PoolStallExplainer.Explain(evidence, _options.StallThreshold);
                return explanation.Cause == StallCause.None
                    ? timeout
                    : new PoolStalledException(poolId, $"{timeout.Message} Why: {explanation}", explanation, timeout);
            }
            catch (RequestFailedException)
            {
                return timeout;
            }
        }

        private static Dictionary<BatchNodeState, int> CountByState(IReadOnlyList<BatchNode> nodes) =>
            nodes.GroupBy(n => n.State ?? BatchNodeState.Unknown).ToDictionary(g => g.Key, g => g.Count());

        /// <summary>The provisioner's exception for why a pool will not become ready.</summary>
        private async Task ThrowAsync(string poolId, PoolWaitFailure failure, PoolDefinition? definition, CancellationToken cancellationToken)
        {
            if (failure.Node is { } node && node.State == BatchNodeState.StartTaskFailed)
            {
                throw await GetStartTaskFailureAsync(poolId, node, definition, cancellationToken).ConfigureAwait(false);
            }
            throw new PoolProvisioningException(poolId, failure.Code, failure.Message);
        }

        /// <summary>
        /// Why <paramref name="node"/>'s start task failed, as <see cref="ApplyAsync"/> reports it: its exit code and failure,
        /// the last <see cref="PoolProvisionerOptions.StderrTailLines"/> lines of its <c>stderr.txt</c>, and, given the
        /// <paramref name="definition"/> the pool was made from, the step the node announced last and the attribute that
        /// declared it (<see cref="StartTaskFailedException.TracedLine"/>). For a node whose start task did not fail it
        /// says so all the same: check <see cref="BatchNode.State"/> first.
        /// </summary>
        /// <param name="poolId">The node's pool.</param>
        /// <param name="node">The node, as Batch lists it.</param>
        /// <param name="definition">The pool's definition (its declaration sites are registered when the assembly that declares it loads); null to name no step.</param>
        /// <param name="cancellationToken">Cancels reading the node's files.</param>
        public virtual async Task<StartTaskFailedException> GetStartTaskFailureAsync(string poolId, BatchNode node, PoolDefinition? definition = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(poolId);
            ArgumentNullException.ThrowIfNull(node);
            var nodeId = node.Id ?? "?";
            var tail = node.Id is null ? null : await StderrTailAsync(poolId, node.Id, cancellationToken).ConfigureAwait(false);
            var point = definition is null || node.Id is null
                ? null
                : StartTaskFailureTrace.Find(definition, await NodeFileTextAsync(poolId, node.Id, BatchClient.StartTaskStdOutPath, cancellationToken).ConfigureAwait(false), tail);
            return new StartTaskFailedException(poolId, nodeId, node.StartTaskInfo?.ExitCode, node.StartTaskInfo?.FailureInfo?.Message, tail,
                point?.Step.Name, point?.Declaration);
        }

        /// <summary>The last lines of the start task's stderr.txt, or null when the node has none (or it cannot be read).</summary>
        private async Task<string?> StderrTailAsync(string poolId, string nodeId, CancellationToken cancellationToken)
        {
            if (await NodeFileTextAsync(poolId, nodeId, BatchClient.StartTaskStdErrPath, cancellationToken).ConfigureAwait(false) is not { } content) return null;
            return TextTail.LastLines(content, _options.StderrTailLines);
        }

        /// <summary>A file of the node's, or null when it has none (or it cannot be read).</summary>
        private async Task<string?> NodeFileTextAsync(string poolId, string nodeId, string path, CancellationToken cancellationToken)
        {
            try
            {
                return (await _client.GetNodeFileAsync(poolId, nodeId, path, cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ToString();
            }
            catch (RequestFailedException)
            {
                return null;
            }
        }

        /// <exception cref="TimeoutException">The pool was still resizing after <see cref="PoolProvisionerOptions.Timeout"/>.</exception>
        private Task WaitUntilSteadyAsync(string poolId, CancellationToken cancellationToken) =>
            WaitAsync(
                new BatchPoolSteadyOperation(_client, poolId, Time),
                afterPoll: null,
                () => $"Pool '{poolId}' was still resizing {DurationText.Format(_options.Timeout)} later. Batch goes on with it: check again with 'chpc status {poolId}', or stop the resize.",
                cancellationToken);

        /// <exception cref="TimeoutException">The job still existed after <see cref="PoolProvisionerOptions.Timeout"/>.</exception>
        private Task WaitUntilJobDeletedAsync(string jobId, CancellationToken cancellationToken) =>
            WaitAsync(
                new BatchJobDeleteOperation(_client, jobId, Time),
                afterPoll: null,
                () => $"Job '{jobId}' still existed {DurationText.Format(_options.Timeout)} after it was deleted. Batch goes on deleting it: check again with 'chpc jobs'.",
                cancellationToken);

        /// <exception cref="TimeoutException">The pool still existed after <see cref="PoolProvisionerOptions.Timeout"/>.</exception>
        private Task WaitUntilDeletedAsync(string poolId, CancellationToken cancellationToken) =>
            WaitAsync(
                new BatchPoolDeleteOperation(_client, poolId, Time),
                afterPoll: null,
                () => $"Pool '{poolId}' still existed {DurationText.Format(_options.Timeout)} after it was deleted. Batch goes on deleting it: check again with 'chpc status {poolId}'.",
                cancellationToken);

        /// <summary>
        /// Polls <paramref name="operation"/> until it completes, bounded by the timeout like every wait (on the same
        /// clock): a pool stuck resizing or deleting must not hang an apply, a cleanup or a test run. A poll that failed
        /// after the client's own retries is a missed poll, not a failed wait.
        /// </summary>
        private async Task WaitAsync(Operation operation, Action? afterPoll, Func<string> timedOut, CancellationToken cancellationToken)
        {
            using var timeout = new CancellationTokenSource(_options.Timeout, Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await OperationPolling.PollAsync(operation, Delays, Time, linked.Token,
                    afterPoll is null ? null : _ => { afterPoll(); return default; }, IsTransient).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(timedOut());
            }
        }
    }
}
