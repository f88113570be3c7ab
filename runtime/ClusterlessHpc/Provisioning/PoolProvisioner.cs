using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Provisioning.Delivery;
using ClusterlessHpc.Rules;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// Makes a pool exist as defined and waits until its nodes are ready: validates the definition (nothing is
    /// sent for an invalid one), checks its image against the account, creates the pool with its startup script
    /// (an existing pool made from the same definition is not an error; a different one follows the
    /// <see cref="DriftPolicy"/>), then waits until the pool is ready as <see cref="BatchPoolReadyOperation"/> defines it.
    /// </summary>
    public partial class PoolProvisioner
    {
        private readonly BatchClient _client;
        private readonly PoolProvisionerOptions _options;
        private readonly Preflight _preflight;

        public PoolProvisioner(BatchClient client, PoolProvisionerOptions? options = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _options = options ?? new PoolProvisionerOptions();
            _preflight = new Preflight(client);
        }

        /// <summary>For mocking.</summary>
        protected PoolProvisioner()
        {
            _client = null!;
            _options = new PoolProvisionerOptions();
            _preflight = null!;
        }

        /// <summary>
        /// What <see cref="ApplyAsync"/> would do: create the pool, nothing, or the properties that drifted. It reads no
        /// secret (Batch returns none to compare with), so a secret's setting without a value does not stop it: the plan
        /// lists it in <see cref="PoolPlan.MissingSettings"/>.
        /// </summary>
        /// <exception cref="PoolDefinitionException">The definition breaks a rule; nothing was sent.</exception>
        public virtual async Task<PoolPlan> PlanAsync(PoolDefinition definition, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(definition);
            return await ProvisioningTelemetry.RunAsync("Plan", definition.Id, async () =>
            {
                var diagnostics = ThrowIfInvalid(definition);
                var missing = new List<MissingSetting>();
                var definitionHash = Render(definition).DefinitionHash;
                var request = WithSource(PoolRequestBuilder.BuildWithoutSecrets(definition, _options.Settings, missing, definitionHash));
                var live = await TryGetPoolAsync(definition.Id, cancellationToken).ConfigureAwait(false);
                var plan = live is null
                    ? new PoolPlan(definition.Id, PoolPlanAction.Create, Array.Empty<PoolDifference>())
                    : PoolPlanner.Compare(request, live);
                // Errors were refused above; what the validator says beyond them are warnings the plan carries.
                return new PoolPlan(plan.PoolId, plan.Action, plan.Differences)
                {
                    Warnings = diagnostics,
                    MissingSettings = missing,
                    Retirement = NodeAgentRetirements.Check(definition, Time.GetUtcNow()),
                    PackageInstall = DescribePackageInstall(definition, definitionHash),
                };
            }).ConfigureAwait(false);
        }

        /// <summary>The plan's line on how nodes install the packages: shared through blob storage, or each node on its own.</summary>
        private string? DescribePackageInstall(PoolDefinition definition, string definitionHash)
        {
            if (SharedInstallBlobs.For(definition, definitionHash) is null) return null;
            var blob = _options.ScriptDelivery switch
            {
                BlobDelivery b => b,
                AutoDelivery a => a.Blob,
                _ => null,
            };
            var packages = $"{definition.JuliaPackages.Count} Julia package(s)";
            if (definition.JuliaManifest is { } pinned)
            {
                // Pinned: the nodes are identical either way; sharing only saves the later nodes the install.
                packages += $" pinned by {pinned.Path}";
                if (blob is { UsesIdentity: false, SharedInstall: true })
                {
                    return $"packages: shared: the first node to instantiate the {packages} publishes its depot " +
                           $"to container '{blob.ContainerName}'; later nodes unpack it instead of instantiating again";
                }
                return $"packages: each node instantiates and precompiles the {packages} on its own (" + WhyNotShared(blob) + ")";
            }
            if (blob is { UsesIdentity: false, SharedInstall: true })
            {
                return $"packages: shared: the first node to install the {packages} publishes its depot, resolved manifest and developed commits " +
                       $"to container '{blob.ContainerName}'; later nodes unpack them instead of resolving again";
            }
            return $"packages: each node resolves and precompiles the {packages} on its own (" + WhyNotShared(blob) + ")";
        }

        private static string WhyNotShared(BlobDelivery? blob) =>
            blob is null
                ? "inline delivery without blob storage has nowhere to share the first node's install; to share it, configure " +
                  ScriptDeliveryFactory.StorageSettings + " with ClusterlessHpc:Delivery Auto or Blob"
                : blob.UsesIdentity ? "blob storage read with an identity gives the nodes no SAS to publish with"
                : "ClusterlessHpc:Storage:SharedInstall is false";

        /// <summary>Creates the pool if needed (or updates or recreates it, by the drift policy) and waits until it is ready (<see cref="BatchPoolReadyOperation"/>).</summary>
        /// <exception cref="PoolDefinitionException">The definition breaks a rule; nothing was sent.</exception>
        /// <exception cref="NodeAgentRetiredException">The pool does not exist and its node agent's retirement date has come; nothing was sent.</exception>
        /// <exception cref="PreflightException">The account does not support the pool's image or node agent; nothing was created.</exception>
        /// <exception cref="PoolDriftException">The pool exists, differs, and the policy does not allow the change.</exception>
        /// <exception cref="StartTaskFailedException">A node's startup script failed.</exception>
        /// <exception cref="PoolProvisioningException">A resize error, or nodes that became unusable.</exception>
        /// <exception cref="TimeoutException">The nodes were not ready within <see cref="PoolProvisionerOptions.Timeout"/>.</exception>
        public virtual async Task<BatchPool> ApplyAsync(
            PoolDefinition definition, IProgress<ProvisioningProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(definition);
            return await ProvisioningTelemetry.RunAsync("Apply", definition.Id, async () =>
            {
                var report = new Reporter(definition.Id, progress, Time);
                report.Stage(ProvisioningStage.Validating, "validating the definition");
                ThrowIfInvalid(definition);
                var retired = await CheckRetirementAsync(definition, report, cancellationToken).ConfigureAwait(false);
                var request = await BuildRequestAsync(definition, cancellationToken).ConfigureAwait(false);
                await CreateOrReconcileAsync(definition, request, report, retired, cancellationToken).ConfigureAwait(false);
                return await WaitUntilReadyAsync(definition.Id, report, definition, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        /// <summary>
        /// Warns when the pool's node agent retires within 90 days or has retired. A retired agent's pool is refused here,
        /// before anything (the script's delivery included) is sent, unless it exists: then the retirement is returned and
        /// the pool may only be reconciled, never created.
        /// </summary>
        private async Task<NodeAgentRetirement?> CheckRetirementAsync(PoolDefinition definition, Reporter report, CancellationToken cancellationToken)
        {
            var retirement = NodeAgentRetirements.Check(definition, Time.GetUtcNow());
            if (retirement is null) return null;
            if (retirement.HasPassed)
            {
                var existing = await RetryTransientAsync(() => TryGetPoolAsync(definition.Id, cancellationToken), cancellationToken).ConfigureAwait(false);
                if (existing is null || existing.State == BatchPoolState.Deleting) throw new NodeAgentRetiredException(definition.Id, retirement);
            }
            report.Stage(ProvisioningStage.Validating, "warning: " + retirement);
            return retirement.HasPassed ? retirement : null;
        }

        private async Task CreateOrReconcileAsync(PoolDefinition definition, BatchPoolCreateOptions request, Reporter report, NodeAgentRetirement? retired, CancellationToken cancellationToken)
        {
            if (retired is not null)
            {
                // The pool exists on a retired agent: it may be found or updated, never created again.
                if (await ReconcileExistingAsync(definition, request, report, retired, cancellationToken).ConfigureAwait(false)) return;
                throw new NodeAgentRetiredException(definition.Id, retired);
            }
            if (_options.Preflight)
            {
                await RetryTransientAsync(() => _preflight.CheckAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            var deadline = Time.GetUtcNow() + _options.Timeout;
            var delays = Delays;
            var retry = 0;
            while (true)
            {
                // One delay per try, as RetryTransientAsync takes it: the one that decides whether to try again is the one slept.
                var delay = OperationPolling.NextDelay(delays, null, retry + 1);
                try
                {
                    // Said once Batch has accepted it: until then the pool may turn out to exist already.
                    await _client.CreatePoolAsync(request, cancellationToken).ConfigureAwait(false);
                    report.Stage(ProvisioningStage.Creating, $"created the pool ({definition.VmSize}, {Targets(definition)})");
                    return;
                }
                catch (Exception e) when (IsTransient(e) && Time.GetUtcNow() + delay < deadline)
                {
                    // The create may or may not have happened: look before trying again, so a pool is never made twice.
                    // Within the provisioning timeout, as every retry: past it the last failure is the answer.
                    retry++;
                    await Task.Delay(delay, Time, cancellationToken).ConfigureAwait(false);
                    if (await RetryTransientAsync(() => TryGetPoolAsync(definition.Id, cancellationToken), cancellationToken).ConfigureAwait(false) is null) continue;
                }
                catch (RequestFailedException e) when (e.ErrorCode == "PoolBeingDeleted")
                {
                    report.Stage(ProvisioningStage.Deleting, "found an earlier pool with this id being deleted; waiting until it is gone");
                    await WaitUntilDeletedAsync(definition.Id, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (RequestFailedException e) when (e.ErrorCode == "PoolExists")
                {
                    // Handled below, like a pool that a create whose answer was lost turned out to have made.
                }

                if (await ReconcileExistingAsync(definition, request, report, null, cancellationToken).ConfigureAwait(false)) return;
            }
        }

        /// <summary>
        /// The pool exists: done when it matches; otherwise the drift policy decides. False when the pool is gone (or
        /// was deleted to be recreated) and the create should be tried again.
        /// </summary>
        private async Task<bool> ReconcileExistingAsync(PoolDefinition definition, BatchPoolCreateOptions request, Reporter report, NodeAgentRetirement? retired, CancellationToken cancellationToken)
        {
            // Another apply (or a person, or our own create whose answer was lost) made it first: fine when it is the same pool.
            var existing = await RetryTransientAsync(() => TryGetPoolAsync(definition.Id, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (existing is null) return false;
            if (existing.State == BatchPoolState.Deleting)
            {
                report.Stage(ProvisioningStage.Deleting, "found an earlier pool with this id being deleted; waiting until it is gone");
                await WaitUntilDeletedAsync(definition.Id, cancellationToken).ConfigureAwait(false);
                return false;
            }
            var plan = PoolPlanner.Compare(request, existing);
            if (plan.Action == PoolPlanAction.NoChange)
            {
                report.Stage(ProvisioningStage.AlreadyExists, $"found the pool, made from this definition ({Found(existing)})", existing);
                return true;
            }
            switch (_options.DriftPolicy)
            {
                case DriftPolicy.UpdateInPlace when plan.CanUpdateInPlace:
                    await UpdateInPlaceAsync(existing, request, plan, report, cancellationToken).ConfigureAwait(false);
                    return true;
                case DriftPolicy.Recreate when retired is not null:
                    // Deleting it would leave nothing: a pool on a retired agent cannot be created again.
                    throw new NodeAgentRetiredException(definition.Id, retired);
                case DriftPolicy.Recreate:
                    report.Stage(ProvisioningStage.Updating, $"found the pool from another definition ({Found(existing)}); recreating it: " + string.Join("; ", plan.Differences));
                    await DeleteAsync(definition.Id, cancellationToken).ConfigureAwait(false);
                    return false;
                default:
                    throw new PoolDriftException(plan);
            }
        }

        private async Task UpdateInPlaceAsync(BatchPool existing, BatchPoolCreateOptions request, PoolPlan plan, Reporter report, CancellationToken cancellationToken)
        {
            var poolId = plan.PoolId;
            report.Stage(ProvisioningStage.Updating, $"found the pool from another definition ({Found(existing)}); updating in place: " + string.Join("; ", plan.Differences));
            if (plan.ChangesStartTask || plan.Differences.Any(d => d.Property == "metadata"))
            {
                await _client.UpdatePoolAsync(poolId, new BatchPoolUpdateOptions { StartTask = request.StartTask, Metadata = request.Metadata },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (request.EnableAutoScale == true)
            {
                if (plan.Differences.Any(d => d.Property is "enableAutoScale" or "autoScaleFormula" or "autoScaleEvaluationInterval"))
                {
                    await WaitUntilSteadyAsync(poolId, cancellationToken).ConfigureAwait(false);
                    await _client.EnablePoolAutoScaleAsync(poolId, new BatchPoolEnableAutoScaleOptions
                    {
                        AutoScaleFormula = request.AutoScaleFormula,
                        AutoScaleEvaluationInterval = request.AutoScaleEvaluationInterval,
                    }, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                if (plan.Differences.Any(d => d.Property == "enableAutoScale"))
                {
                    await _client.DisablePoolAutoScaleAsync(poolId, cancellationToken).ConfigureAwait(false);
                }
                if (plan.Differences.Any(d => d.Property is "enableAutoScale" or "targetDedicatedNodes" or "targetLowPriorityNodes" or PoolPlanner.ResizeTimeout))
                {
                    await WaitUntilSteadyAsync(poolId, cancellationToken).ConfigureAwait(false);
                    await _client.ResizePoolAsync(poolId, new BatchPoolResizeOptions
                    {
                        TargetDedicatedNodes = request.TargetDedicatedNodes,
                        TargetLowPriorityNodes = request.TargetLowPriorityNodes,
                        ResizeTimeout = request.ResizeTimeout,
                    }, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }

            if (plan.ChangesStartTask && _options.ExistingNodesOnStartTaskChange != ExistingNodes.Leave)
            {
                // Existing nodes run a start task only when they boot: reboot or reimage them now, as asked.
                await foreach (var node in _client.GetNodesAsync(poolId, cancellationToken).ConfigureAwait(false))
                {
                    if (node.Id is null) continue;
                    if (_options.ExistingNodesOnStartTaskChange == ExistingNodes.Reboot)
                        await _client.RebootNodeAsync(poolId, node.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
                    else
                        await _client.ReimageNodeAsync(poolId, node.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
            else if (plan.ChangesStartTask)
            {
                report.Stage(ProvisioningStage.Updating, "the new start task reaches existing nodes only when they are rebooted or reimaged");
            }
        }

        /// <summary>Failures worth trying again once the client's own retries are spent: no answer, throttling, server errors.</summary>
        private static bool IsTransient(Exception e) => TransientFailures.IsTransient(e);

        /// <summary>Runs <paramref name="action"/> again after back-off while it fails transiently, until the provisioning timeout.</summary>
        private async Task<T> RetryTransientAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
        {
            var deadline = Time.GetUtcNow() + _options.Timeout;
            var delays = Delays;
            for (var retry = 1; ; retry++)
            {
                var delay = OperationPolling.NextDelay(delays, null, retry);
                try
                {
                    return await action().ConfigureAwait(false);
                }
                catch (Exception e) when (IsTransient(e) && Time.GetUtcNow() + delay < deadline)
                {
                    await Task.Delay(delay, Time, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task RetryTransientAsync(Func<Task> action, CancellationToken cancellationToken) =>
            await RetryTransientAsync(async () => { await action().ConfigureAwait(false); return true; }, cancellationToken).ConfigureAwait(false);

        /// <summary>
        /// The add-pool request: the definition validated once and its script rendered once, every secret's setting
        /// checked before the delivery stores anything, then the script prepared by the configured delivery (inline,
        /// within its limit, when none is configured) before the request is built around it.
        /// </summary>
        private async Task<BatchPoolCreateOptions> BuildRequestAsync(PoolDefinition definition, CancellationToken cancellationToken)
        {
            var (script, definitionHash) = Render(definition);
            if (PoolRequestBuilder.FindMissingSettings(definition, _options.Settings) is [var missing, ..]) throw new MissingSettingException(missing);
            var delivery = _options.ScriptDelivery ?? InlineDelivery.Instance;
            var sharedInstall = SharedInstallBlobs.For(definition, definitionHash);
            var pieces = delivery switch
            {
                BlobDelivery blob => await blob.PrepareAsync(new ScriptContent(script), sharedInstall, cancellationToken).ConfigureAwait(false),
                AutoDelivery auto => await auto.PrepareAsync(script, sharedInstall, cancellationToken).ConfigureAwait(false),
                _ => await delivery.PrepareAsync(script, cancellationToken).ConfigureAwait(false),
            };
            return WithSource(PoolRequestBuilder.Build(definition, _options.Settings, pieces, definitionHash));
        }

        /// <summary>The request with its owner recorded (<see cref="PoolProvisionerOptions.Source"/>), when there is one.</summary>
        private BatchPoolCreateOptions WithSource(BatchPoolCreateOptions request)
        {
            if (_options.Source is { Length: > 0 } source)
            {
                request.Metadata ??= new List<BatchMetadataItem>();
                request.Metadata.Add(new BatchMetadataItem { Name = PoolJobRunner.SourceMetadata, Value = source });
            }
            return request;
        }

        /// <summary>How often this provisioner validated a definition and rendered a script: an apply or a plan does each once.</summary>
        internal (int Validations, int Renders) WorkDone => (_validations, _renders);

        private int _validations;
        private int _renders;

        /// <summary>The script and its definition hash of a definition <see cref="ThrowIfInvalid"/> accepted.</summary>
        private (string Script, string DefinitionHash) Render(PoolDefinition definition)
        {
            Interlocked.Increment(ref _renders);
            return StartupScriptRenderer.RenderValidated(definition);
        }

        /// <summary>The definition's diagnostics, when none is an error.</summary>
        private IReadOnlyList<Diagnostics.PoolDiagnostic> ThrowIfInvalid(PoolDefinition definition)
        {
            Interlocked.Increment(ref _validations);
            var diagnostics = PoolValidator.Validate(definition);
            if (PoolValidator.HasErrors(diagnostics)) throw new PoolDefinitionException(definition, diagnostics);
            return diagnostics;
        }

        private async Task<BatchPool?> TryGetPoolAsync(string poolId, CancellationToken cancellationToken)
        {
            try
            {
                return (await _client.GetPoolAsync(poolId, cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException e) when (e.ErrorCode == "PoolNotFound")
            {
                return null;
            }
        }

        /// <summary>What an existing pool has: "steady, 2 of 2 dedicated node(s)".</summary>
        private static string Found(BatchPool pool) =>
            $"{pool.AllocationState?.ToString() ?? "?"}, {pool.CurrentDedicatedNodes ?? 0} of {pool.TargetDedicatedNodes ?? 0} dedicated" +
            (pool.TargetLowPriorityNodes is > 0 || pool.CurrentLowPriorityNodes is > 0
                ? $" and {pool.CurrentLowPriorityNodes ?? 0} of {pool.TargetLowPriorityNodes ?? 0} low-priority node(s)"
                : " node(s)");

        private static string Targets(PoolDefinition definition) =>
            definition.AutoScale is { } autoScale ? $"autoscale, evaluated every {autoScale.EvaluationIntervalMinutes} min"
            : definition.EffectiveLowPriorityNodeCount == 0
                ? $"{definition.EffectiveNodeCount} dedicated node(s)"
                : $"{definition.EffectiveNodeCount} dedicated and {definition.EffectiveLowPriorityNodeCount} low-priority node(s)";

        /// <summary>Reports progress with the time since the operation began.</summary>
        private sealed class Reporter
        {
            private readonly string _poolId;
            private readonly IProgress<ProvisioningProgress>? _progress;
            private readonly TimeProvider _time;
            private readonly long _started;

            public Reporter(string poolId, IProgress<ProvisioningProgress>? progress, TimeProvider time)
            {
                _poolId = poolId;
                _progress = progress;
                _time = time;
                _started = time.GetTimestamp();
            }

            public TimeSpan Elapsed => _time.GetElapsedTime(_started);

            public void Stage(ProvisioningStage stage, string message, BatchPool? pool = null, IReadOnlyDictionary<BatchNodeState, int>? nodes = null) =>
                _progress?.Report(new ProvisioningProgress(_poolId, stage, message)
                {
                    Elapsed = Elapsed,
                    AllocationState = pool?.AllocationState,
                    NodesByState = nodes ?? new Dictionary<BatchNodeState, int>(),
                });
        }
    }
}
