using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Rules;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// Makes a pool exist as defined and waits until its nodes are ready: validates the definition (nothing is
    /// sent for an invalid one), creates the pool with its startup script inline (an existing pool made from the
    /// same definition is not an error), then polls until every target node is idle.
    /// </summary>
    public class PoolProvisioner
    {
        private readonly BatchClient _client;
        private readonly PoolProvisionerOptions _options;

        public PoolProvisioner(BatchClient client, PoolProvisionerOptions? options = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _options = options ?? new PoolProvisionerOptions();
        }

        /// <summary>For mocking.</summary>
        protected PoolProvisioner()
        {
            _client = null!;
            _options = new PoolProvisionerOptions();
        }

        /// <summary>What <see cref="ApplyAsync"/> would do: create the pool, nothing, or the properties that drifted.</summary>
        /// <exception cref="PoolDefinitionException">The definition breaks a rule; nothing was sent.</exception>
        public virtual async Task<PoolPlan> PlanAsync(PoolDefinition definition, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(definition);
            using var activity = ProvisioningTelemetry.Start("Plan", definition.Id);
            var request = BuildRequest(definition);
            try
            {
                var live = (await _client.GetPoolAsync(definition.Id, cancellationToken).ConfigureAwait(false)).Value;
                return PoolPlanner.Compare(request, live);
            }
            catch (RequestFailedException e) when (e.ErrorCode == "PoolNotFound")
            {
                return new PoolPlan(definition.Id, PoolPlanAction.Create, Array.Empty<PoolDifference>());
            }
        }

        /// <summary>Creates the pool if needed and waits until every node is idle.</summary>
        /// <exception cref="PoolDefinitionException">The definition breaks a rule; nothing was sent.</exception>
        /// <exception cref="PoolDriftException">The pool exists but was made from another definition.</exception>
        /// <exception cref="StartTaskFailedException">A node's startup script failed.</exception>
        /// <exception cref="TimeoutException">The nodes were not ready within <see cref="PoolProvisionerOptions.Timeout"/>.</exception>
        public virtual async Task<BatchPool> ApplyAsync(
            PoolDefinition definition, IProgress<ProvisioningProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(definition);
            using var activity = ProvisioningTelemetry.Start("Apply", definition.Id);
            try
            {
                return await ApplyCoreAsync(definition, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                ProvisioningTelemetry.Fail(activity, e);
                throw;
            }
        }

        private async Task<BatchPool> ApplyCoreAsync(PoolDefinition definition, IProgress<ProvisioningProgress>? progress, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            void Report(ProvisioningStage stage, string message, BatchPool? pool = null, IReadOnlyDictionary<BatchNodeState, int>? nodes = null) =>
                progress?.Report(new ProvisioningProgress(definition.Id, stage, message)
                {
                    Elapsed = clock.Elapsed,
                    AllocationState = pool?.AllocationState,
                    NodesByState = nodes ?? new Dictionary<BatchNodeState, int>(),
                });

            Report(ProvisioningStage.Validating, "validating the definition");
            var request = BuildRequest(definition);
            try
            {
                Report(ProvisioningStage.Creating, $"creating the pool ({definition.VmSize}, {Targets(definition)})");
                await _client.CreatePoolAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.ErrorCode == "PoolExists")
            {
                // Another apply (or a person) made it first: fine when it is the same pool.
                var existing = (await _client.GetPoolAsync(definition.Id, cancellationToken).ConfigureAwait(false)).Value;
                var plan = PoolPlanner.Compare(request, existing);
                if (plan.Action == PoolPlanAction.Drift) throw new PoolDriftException(plan);
                Report(ProvisioningStage.AlreadyExists, "the pool exists with this definition", existing);
            }

            return await WaitForNodesAsync(definition, Report, cancellationToken).ConfigureAwait(false);
        }

        private BatchPoolCreateOptions BuildRequest(PoolDefinition definition)
        {
            var diagnostics = PoolValidator.Validate(definition);
            if (PoolValidator.HasErrors(diagnostics)) throw new PoolDefinitionException(definition, diagnostics);
            return PoolRequestBuilder.Build(definition, _options.Settings);
        }

        private async Task<BatchPool> WaitForNodesAsync(
            PoolDefinition definition,
            Action<ProvisioningStage, string, BatchPool?, IReadOnlyDictionary<BatchNodeState, int>?> report,
            CancellationToken cancellationToken)
        {
            using var activity = ProvisioningTelemetry.Start("Wait", definition.Id);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            var delay = _options.FirstPollDelay;
            // The pool's own targets: the definition's for a fixed-size pool, the formula's for an autoscale pool.
            var target = definition.EffectiveNodeCount + definition.EffectiveLowPriorityNodeCount;
            string? lastMessage = null;
            try
            {
                while (true)
                {
                    var pool = (await _client.GetPoolAsync(definition.Id, timeout.Token).ConfigureAwait(false)).Value;
                    target = (pool.TargetDedicatedNodes ?? 0) + (pool.TargetLowPriorityNodes ?? 0);
                    var nodes = new List<BatchNode>();
                    await foreach (var node in _client.GetNodesAsync(definition.Id, timeout.Token).ConfigureAwait(false)) nodes.Add(node);

                    var failed = nodes.FirstOrDefault(n => n.State == BatchNodeState.StartTaskFailed);
                    if (failed is not null)
                    {
                        throw new StartTaskFailedException(definition.Id, failed.Id ?? "?", failed.StartTaskInfo?.ExitCode,
                            failed.StartTaskInfo?.FailureInfo?.Message);
                    }

                    var counts = nodes.GroupBy(n => n.State ?? BatchNodeState.Unknown).ToDictionary(g => g.Key, g => g.Count());
                    var idle = counts.GetValueOrDefault(BatchNodeState.Idle);
                    var message = $"{pool.AllocationState?.ToString() ?? "?"}; " +
                                  (nodes.Count == 0 ? "no nodes yet" : string.Join(", ", counts.OrderBy(c => c.Key.ToString()).Select(c => $"{c.Value} {c.Key}"))) +
                                  $" of {target}";
                    if (pool.AllocationState == AllocationState.Steady && nodes.Count == target && idle == target)
                    {
                        report(ProvisioningStage.Ready, $"ready: {idle} idle node(s)", pool, counts);
                        return pool;
                    }
                    if (message != lastMessage)
                    {
                        report(ProvisioningStage.WaitingForNodes, message, pool, counts);
                        lastMessage = message;
                    }

                    await Task.Delay(delay, timeout.Token).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollDelay.Ticks));
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"Pool '{definition.Id}' did not have {target} idle node(s) within {_options.Timeout}; last seen: {lastMessage ?? "nothing"}. The pool was created and is left as it is.");
            }
        }

        private static string Targets(PoolDefinition definition) =>
            definition.AutoScale is { } autoScale ? $"autoscale, evaluated every {autoScale.EvaluationIntervalMinutes} min"
            : definition.EffectiveLowPriorityNodeCount == 0
                ? $"{definition.EffectiveNodeCount} dedicated node(s)"
                : $"{definition.EffectiveNodeCount} dedicated and {definition.EffectiveLowPriorityNodeCount} low-priority node(s)";
    }
}
