using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.AutoScale;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>Operations on an existing pool: resize, remove nodes, autoscale, delete; each waits where waiting makes sense.</summary>
    public partial class PoolProvisioner
    {
        /// <summary>Resizes a fixed-size pool and waits until it is ready (<see cref="Batch.BatchPoolReadyOperation"/>).</summary>
        public virtual async Task<BatchPool> ResizeAsync(string poolId, int dedicatedNodes, int lowPriorityNodes = 0,
            BatchNodeDeallocationOption? deallocation = null, IProgress<ProvisioningProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            if (dedicatedNodes < 0 || lowPriorityNodes < 0) throw new ArgumentOutOfRangeException(nameof(dedicatedNodes), "Node counts must not be negative.");
            return await ProvisioningTelemetry.RunAsync("Resize", poolId, async () =>
            {
                var report = new Reporter(poolId, progress, Time);
                report.Stage(ProvisioningStage.Updating, $"resizing to {dedicatedNodes} dedicated and {lowPriorityNodes} low-priority node(s)");
                await WaitUntilSteadyAsync(poolId, cancellationToken).ConfigureAwait(false);
                await _client.ResizePoolAsync(poolId, new BatchPoolResizeOptions
                {
                    TargetDedicatedNodes = dedicatedNodes,
                    TargetLowPriorityNodes = lowPriorityNodes,
                    NodeDeallocationOption = deallocation,
                }, cancellationToken: cancellationToken).ConfigureAwait(false);
                return await WaitUntilReadyAsync(poolId, report, definition: null, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        /// <summary>Stops a resize in progress; the pool stays at the nodes it has.</summary>
        public virtual async Task StopResizeAsync(string poolId, CancellationToken cancellationToken = default)
        {
            await ProvisioningTelemetry.RunAsync("StopResize", poolId, async () =>
            {
                await _client.StopPoolResizeAsync(poolId, cancellationToken: cancellationToken).ConfigureAwait(false);
                await WaitUntilSteadyAsync(poolId, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        /// <summary>Removes these nodes (at most <see cref="ServiceLimits.MaxNodesPerRemoval"/> per request, sent in batches) and waits until the pool is steady.</summary>
        public virtual async Task RemoveNodesAsync(string poolId, IReadOnlyList<string> nodeIds, BatchNodeDeallocationOption? deallocation = null,
            CancellationToken cancellationToken = default)
        {
            await ProvisioningTelemetry.RunAsync("RemoveNodes", poolId, async () =>
            {
                foreach (var batch in nodeIds.Chunk(ServiceLimits.MaxNodesPerRemoval))
                {
                    await WaitUntilSteadyAsync(poolId, cancellationToken).ConfigureAwait(false);
                    await _client.RemoveNodesAsync(poolId, new BatchNodeRemoveOptions { NodeList = batch.ToList(), NodeDeallocationOption = deallocation },
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                await WaitUntilSteadyAsync(poolId, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        /// <summary>Turns autoscale on with a formula checked locally first (an invalid one is refused before any request).</summary>
        public virtual async Task EnableAutoScaleAsync(string poolId, string formula, int evaluationIntervalMinutes = AutoScaleDefinition.DefaultEvaluationIntervalMinutes,
            CancellationToken cancellationToken = default)
        {
            await ProvisioningTelemetry.RunAsync("EnableAutoScale", poolId, async () =>
            {
                CheckFormula(poolId, formula, evaluationIntervalMinutes);
                await _client.EnablePoolAutoScaleAsync(poolId, new BatchPoolEnableAutoScaleOptions
                {
                    AutoScaleFormula = formula,
                    AutoScaleEvaluationInterval = TimeSpan.FromMinutes(evaluationIntervalMinutes),
                }, cancellationToken: cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        /// <summary>Turns autoscale off; the pool keeps its current nodes.</summary>
        public virtual async Task DisableAutoScaleAsync(string poolId, CancellationToken cancellationToken = default)
        {
            await ProvisioningTelemetry.RunAsync("DisableAutoScale", poolId,
                async () => await _client.DisablePoolAutoScaleAsync(poolId, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }

        /// <summary>The service's evaluation of <paramref name="formula"/> on the pool (which must have autoscale enabled), checked locally first.</summary>
        public virtual async Task<AutoScaleRun> EvaluateAutoScaleAsync(string poolId, string formula, CancellationToken cancellationToken = default)
        {
            return await ProvisioningTelemetry.RunAsync("EvaluateAutoScale", poolId, async () =>
            {
                CheckFormula(poolId, formula, AutoScaleDefinition.DefaultEvaluationIntervalMinutes);
                return (await _client.EvaluatePoolAutoScaleAsync(poolId, new BatchPoolEvaluateAutoScaleOptions { AutoScaleFormula = formula }, cancellationToken)
                    .ConfigureAwait(false)).Value;
            }).ConfigureAwait(false);
        }

        /// <summary>The local evaluator's result for <paramref name="formula"/>, offline: no pool, no account.</summary>
        public static AutoScaleEvaluation EvaluateAutoScaleLocally(string formula, AutoScaleContext context)
        {
            var parsed = AutoScaleFormula.Parse(formula);
            if (parsed.Formula is null)
            {
                throw new ArgumentException("The formula does not compile: " + string.Join("; ", parsed.Diagnostics), nameof(formula));
            }
            return parsed.Formula.Evaluate(context);
        }

        /// <summary>Deletes the pool and waits until it is gone; a pool that does not exist is already gone.</summary>
        public virtual async Task DeleteAsync(string poolId, CancellationToken cancellationToken = default)
        {
            await ProvisioningTelemetry.RunAsync("Delete", poolId, async () =>
            {
                try
                {
                    await _client.DeletePoolAsync(poolId, cancellationToken).ConfigureAwait(false);
                }
                catch (Azure.RequestFailedException e) when (e.ErrorCode is "PoolNotFound")
                {
                    return;
                }
                catch (Azure.RequestFailedException e) when (e.ErrorCode is "PoolBeingDeleted")
                {
                    // Someone else is deleting it: wait the same way.
                }
                await WaitUntilDeletedAsync(poolId, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        private static void CheckFormula(string poolId, string formula, int intervalMinutes)
        {
            var definition = new PoolDefinition { Id = poolId, AutoScale = new AutoScaleDefinition(formula) { EvaluationIntervalMinutes = intervalMinutes } };
            var errors = PoolValidator.Validate(definition).Where(d => d.IsError).ToList();
            if (errors.Count > 0) throw new PoolDefinitionException(definition, errors);
        }
    }
}
