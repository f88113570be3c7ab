using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Simulation
{
    /// <summary>The ETag and last-modified time of a resource after an operation, for the response headers.</summary>
    public readonly record struct Versions(string ETag, DateTimeOffset LastModified);

    /// <summary>
    /// A condition an operation must meet before it changes a pool, given the pool's ETag and last-modified time; it
    /// throws to refuse (the emulator checks the request's If-Match and kin with it).
    /// </summary>
    public delegate void PoolPrecondition(string eTag, DateTimeOffset lastModified);

    /// <summary>
    /// The account's pools, keyed case-insensitively as the service compares pool ids (the id keeps its case), behind
    /// one lock. Every operation first brings the account to the clock's now, processing every event due by then in
    /// time order (node transitions, allocations that settle, deletions, and each autoscale evaluation at its own time,
    /// on the pools as they were then), then applies the service's state rules and changes the pool. Nothing runs on
    /// timers of its own: the clock decides, so a manual clock can run a day in a moment with the result real time gives.
    /// Refusals are <see cref="PoolModelException"/>s with the service's codes. The pool operations live here; resizing
    /// is in <c>PoolModel.Allocation.cs</c>, autoscale in <c>PoolModel.AutoScale.cs</c>, saving in <c>PoolModel.Persistence.cs</c>.
    /// </summary>
    public sealed partial class PoolModel
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, SimulatedPool> _pools = new(StringComparer.OrdinalIgnoreCase);
        private readonly NodeLifecycle _lifecycle;
        private readonly IAutoScaleEngine _autoScale;
        private long _lastETag;
        private int _nodeNumbers;
        private int _addresses;

        /// <param name="settings">Timings, quotas and test seams.</param>
        /// <param name="clock">Any clock: the system's, a scaled one, or one a test moves by hand.</param>
        /// <param name="runner">Runs the nodes' start tasks (simulated or executed; the host decides).</param>
        /// <param name="autoScale">The formula language; the runtime's evaluator when null.</param>
        /// <param name="taskRunner">Runs tasks for real; without one they are simulated.</param>
        public PoolModel(PoolModelSettings settings, TimeProvider clock, IStartTaskRunner runner, IAutoScaleEngine? autoScale = null, ITaskRunner? taskRunner = null)
        {
            _taskRunner = taskRunner;
            Settings = settings;
            Clock = clock;
            Runner = runner;
            _lifecycle = new NodeLifecycle(settings, runner);
            _autoScale = autoScale ?? new RuntimeAutoScaleEngine();
        }

        /// <summary>Raised after every change, outside the lock, for the state file.</summary>
        public event Action? Changed;

        /// <summary>Raised, under the model's lock, for every evaluation of a pool's formula on its schedule, in time order.</summary>
        /// <remarks>A handler must not call back into the model.</remarks>
        public event Action<string, AutoScaleRun>? AutoScaleEvaluated;

        /// <summary>Fixed at start: timings, quotas, test seams.</summary>
        public PoolModelSettings Settings { get; }

        /// <summary>The model's clock.</summary>
        public TimeProvider Clock { get; }

        /// <summary>Runs the nodes' start tasks.</summary>
        public IStartTaskRunner Runner { get; }

        public DateTimeOffset Now => Clock.GetUtcNow();

        /// <summary>Advances every pool to now; the background ticker calls it so executed start tasks start on time.</summary>
        public void Advance()
        {
            bool changed;
            lock (_gate) changed = AdvanceAll(Now);
            if (changed) Changed?.Invoke();
        }

        /// <summary>Reads every pool (rendering happens under the lock, so a read sees one consistent account).</summary>
        public T Read<T>(Func<IReadOnlyCollection<SimulatedPool>, DateTimeOffset, T> read)
        {
            T result;
            bool changed;
            lock (_gate)
            {
                var now = Now;
                changed = AdvanceAll(now);
                result = read(_pools.Values, now);
            }
            if (changed) Changed?.Invoke();
            return result;
        }

        /// <summary>Reads one pool, after its condition (if any) holds.</summary>
        /// <exception cref="PoolModelException"><c>PoolNotFound</c>, or the failed condition.</exception>
        public T ReadPool<T>(string poolId, PoolPrecondition? condition, Func<SimulatedPool, DateTimeOffset, T> read) =>
            Change(poolId, (pool, now) =>
            {
                condition?.Invoke(pool.ETag, pool.LastModified);
                return read(pool, now);
            }, changes: false);

        /// <summary>Adds a validated pool, allocating its nodes (or evaluating its autoscale formula) now.</summary>
        /// <exception cref="PoolModelException"><c>PoolExists</c>, or <c>PoolBeingDeleted</c> while a pool of that id is going.</exception>
        public Versions Add(BatchPoolCreateOptions spec)
        {
            Versions versions;
            lock (_gate)
            {
                var now = Now;
                AdvanceAll(now);
                if (_pools.TryGetValue(spec.Id, out var existing))
                {
                    throw existing.IsDeleting ? ModelErrors.PoolBeingDeleted() : ModelErrors.PoolExists();
                }
                var pool = new SimulatedPool
                {
                    Spec = spec,
                    CreationTime = now,
                    LastModified = now,
                    ETag = NextETag(now),
                    IdNumber = Random.Shared.NextInt64(1_000_000_000, 10_000_000_000),
                    StateTransitionTime = now,
                    AllocationSince = now,
                    BusyUntil = now,
                    ResizeTimeout = spec.ResizeTimeout ?? ServiceLimits.DefaultResizeTimeout,
                };
                _pools.Add(spec.Id, pool);
                if (pool.AutoScaleEnabled)
                {
                    // The formula is evaluated as the pool is created, and sizes it.
                    pool.NextEvaluation = now;
                    EvaluateOnSchedule(pool, now);
                }
                else
                {
                    Resize(pool, spec.TargetDedicatedNodes ?? 0, spec.TargetLowPriorityNodes ?? 0, pool.ResizeTimeout, null, now);
                }
                AdvanceAll(now);
                versions = new Versions(pool.ETag, pool.LastModified);
            }
            Changed?.Invoke();
            return versions;
        }

        /// <summary>Marks the pool <c>deleting</c>: its nodes leave, and the pool is gone once they have and the delete delay has passed.</summary>
        public void Delete(string poolId, PoolPrecondition? condition) =>
            Change(poolId, (pool, now) =>
            {
                condition?.Invoke(pool.ETag, pool.LastModified);
                RequireActive(pool);
                pool.DeleteRequestedAt = now;
                pool.StateTransitionTime = now;
                pool.Allocation = AllocationState.Resizing;
                pool.AllocationSince = now;
                pool.StoppingUntil = null;
                pool.NextEvaluation = null;
                foreach (var node in pool.Nodes) Deallocate(pool, node, BatchNodeDeallocationOption.Requeue, now);
                return Modified(pool, now);
            });

        /// <summary>Replaces the properties the patch sets; those only an empty pool may change need a pool without nodes.</summary>
        public Versions Patch(string poolId, BatchPoolUpdateOptions patch, PoolPrecondition? condition) =>
            Change(poolId, (pool, now) =>
            {
                condition?.Invoke(pool.ETag, pool.LastModified);
                RequireActive(pool);
                var spec = pool.Spec;
                RequireEmptyFor(pool, patch.DisplayName, "displayName");
                RequireEmptyFor(pool, patch.VmSize, "vmSize");
                RequireEmptyFor(pool, patch.TaskSlotsPerNode, "taskSlotsPerNode");
                RequireEmptyFor(pool, patch.TaskSchedulingPolicy, "taskSchedulingPolicy");
                RequireEmptyFor(pool, patch.EnableInterNodeCommunication, "enableInterNodeCommunication");
                RequireEmptyFor(pool, patch.VirtualMachineConfiguration, "virtualMachineConfiguration");
                RequireEmptyFor(pool, patch.NetworkConfiguration, "networkConfiguration");
                RequireEmptyFor(pool, patch.UserAccounts, "userAccounts");
                RequireEmptyFor(pool, patch.MountConfiguration, "mountConfiguration");
                RequireEmptyFor(pool, patch.UpgradePolicy, "upgradePolicy");
                if (patch.StartTask is not null) spec.StartTask = patch.StartTask;
                if (patch.CertificateReferences is not null) spec.CertificateReferences = patch.CertificateReferences;
                if (patch.ApplicationPackageReferences is not null) spec.ApplicationPackageReferences = patch.ApplicationPackageReferences;
                if (patch.Metadata is not null) spec.Metadata = patch.Metadata;
                if (patch.TargetNodeCommunicationMode is not null) spec.TargetNodeCommunicationMode = patch.TargetNodeCommunicationMode;
                if (patch.DisplayName is not null) spec.DisplayName = patch.DisplayName;
                if (patch.VmSize is not null) spec.VmSize = patch.VmSize;
                if (patch.TaskSlotsPerNode is not null) spec.TaskSlotsPerNode = patch.TaskSlotsPerNode;
                if (patch.TaskSchedulingPolicy is not null) spec.TaskSchedulingPolicy = patch.TaskSchedulingPolicy;
                if (patch.EnableInterNodeCommunication is not null) spec.EnableInterNodeCommunication = patch.EnableInterNodeCommunication;
                if (patch.VirtualMachineConfiguration is not null) spec.VirtualMachineConfiguration = patch.VirtualMachineConfiguration;
                if (patch.NetworkConfiguration is not null) spec.NetworkConfiguration = patch.NetworkConfiguration;
                if (patch.UserAccounts is not null) spec.UserAccounts = patch.UserAccounts;
                if (patch.MountConfiguration is not null) spec.MountConfiguration = patch.MountConfiguration;
                if (patch.UpgradePolicy is not null) spec.UpgradePolicy = patch.UpgradePolicy;
                if (patch.ResourceTags is not null) spec.ResourceTags = patch.ResourceTags;
                return Modified(pool, now);
            });

        /// <summary>Replaces the start task, references, metadata and communication mode; what the body leaves out is cleared.</summary>
        public Versions ReplaceProperties(string poolId, BatchPoolReplaceOptions replacement) =>
            Change(poolId, (pool, now) =>
            {
                RequireActive(pool);
                var spec = pool.Spec;
                spec.StartTask = replacement.StartTask;
                spec.CertificateReferences = replacement.CertificateReferences.Count == 0 ? null : replacement.CertificateReferences;
                spec.ApplicationPackageReferences = replacement.ApplicationPackageReferences.Count == 0 ? null : replacement.ApplicationPackageReferences;
                spec.Metadata = replacement.Metadata.Count == 0 ? null : replacement.Metadata;
                spec.TargetNodeCommunicationMode = replacement.TargetNodeCommunicationMode;
                return Modified(pool, now);
            });

        /// <summary>
        /// Restarts a node (<c>idle</c> or running tasks only); it runs the pool's current start task again. Its running
        /// tasks are requeued, or with <paramref name="terminateTasks"/> completed with <c>TaskEnded</c>.
        /// </summary>
        public Versions RebootNode(string poolId, string nodeId, bool terminateTasks = false) =>
            Change(poolId, (pool, now) =>
            {
                RequireActive(pool);
                var node = FindNode(pool, nodeId);
                _lifecycle.Reboot(pool, node, now);
                EndTasksOfRestarted(node, now, terminateTasks);
                return NodeVersions(node);
            });

        /// <summary>Reinstalls a node (<c>idle</c> or running tasks only): a fresh disk, then the start task again; its tasks as for a reboot.</summary>
        public Versions ReimageNode(string poolId, string nodeId, bool terminateTasks = false) =>
            Change(poolId, (pool, now) =>
            {
                RequireActive(pool);
                var node = FindNode(pool, nodeId);
                _lifecycle.Reimage(pool, node, now);
                EndTasksOfRestarted(node, now, terminateTasks);
                return NodeVersions(node);
            });

        /// <summary>Keeps the pool's latest metrics document for its autoscale formula.</summary>
        /// <exception cref="PoolModelException"><c>PoolNotFound</c>, or <c>InvalidRequestBody</c> for a document the formula language cannot read.</exception>
        public void SetMetrics(string poolId, JsonElement metrics) =>
            Change(poolId, (pool, _) =>
            {
                if (_autoScale.CheckMetrics(metrics) is { } problem) throw ModelErrors.InvalidRequestBody(problem);
                pool.Metrics = metrics.Clone();
                return 0;
            });

        public static SimulatedNode FindNode(SimulatedPool pool, string nodeId) =>
            pool.Nodes.FirstOrDefault(n => string.Equals(n.Id, nodeId, StringComparison.OrdinalIgnoreCase)) ?? throw ModelErrors.NodeNotFound();

        public static Versions NodeVersions(SimulatedNode node) =>
            new("0x" + node.LastModified.UtcTicks.ToString("X", CultureInfo.InvariantCulture) + node.Version.ToString("X4", CultureInfo.InvariantCulture),
                node.LastModified);

        /// <summary>Runs <paramref name="change"/> on one pool under the lock, after advancing, and reports the change.</summary>
        private T Change<T>(string poolId, Func<SimulatedPool, DateTimeOffset, T> change, bool changes = true)
        {
            T result;
            bool advanced;
            lock (_gate)
            {
                var now = Now;
                advanced = AdvanceAll(now);
                var pool = _pools.TryGetValue(poolId, out var found) ? found : throw ModelErrors.PoolNotFound();
                result = change(pool, now);
                if (changes) AdvanceAll(now);
            }
            if (changes || advanced) Changed?.Invoke();
            return result;
        }

        /// <summary>Runs <paramref name="change"/> on the account under the lock, after advancing, and reports the change.</summary>
        private T ChangeAccount<T>(Func<DateTimeOffset, T> change, bool changes = true)
        {
            T result;
            bool advanced;
            lock (_gate)
            {
                var now = Now;
                advanced = AdvanceAll(now);
                result = change(now);
                if (changes) AdvanceAll(now);
            }
            if (changes || advanced) Changed?.Invoke();
            return result;
        }

        private Versions Modified(SimulatedPool pool, DateTimeOffset now)
        {
            pool.LastModified = now;
            pool.ETag = NextETag(now);
            return new Versions(pool.ETag, pool.LastModified);
        }

        private static void RequireActive(SimulatedPool pool)
        {
            if (pool.IsDeleting) throw ModelErrors.PoolBeingDeleted();
        }

        private static void RequireEmptyFor(SimulatedPool pool, object? value, string property)
        {
            if (value is not null && pool.Nodes.Count > 0)
            {
                throw ModelErrors.OperationInvalidForCurrentState($"{property} can be updated only when the pool has no nodes.");
            }
        }

        private static void RequireResizeTimeout(TimeSpan? timeout)
        {
            if (timeout is { } value && value < ServiceLimits.MinResizeTimeout)
            {
                throw ModelErrors.InvalidPropertyValue("resizeTimeout", $"The resize timeout must be at least {ServiceLimits.MinResizeTimeoutMinutes} minutes.");
            }
        }

        /// <summary>The earliest evaluation due by <paramref name="now"/>; ties go to the older pool, so the order never depends on the dictionary.</summary>
        private (SimulatedPool Pool, DateTimeOffset At)? NextEvaluationDue(DateTimeOffset now)
        {
            (SimulatedPool Pool, DateTimeOffset At)? next = null;
            foreach (var pool in _pools.Values)
            {
                if (!pool.AutoScaleEnabled || pool.IsDeleting || pool.NextEvaluation is not { } at || at > now) continue;
                if (next is not { } best || at < best.At || (at == best.At && (pool.CreationTime, pool.Id).CompareTo((best.Pool.CreationTime, best.Pool.Id)) < 0))
                {
                    next = (pool, at);
                }
            }
            return next;
        }

        /// <summary>Advances every pool's nodes and allocation to <paramref name="at"/> and drops the deleted pools whose time has come.</summary>
        private bool AdvanceAllTo(DateTimeOffset at)
        {
            var changed = false;
            List<string>? gone = null;
            foreach (var pool in _pools.Values)
            {
                changed |= AdvancePool(pool, at);
                if (pool.DeleteRequestedAt is { } deleted && pool.Nodes.Count == 0 && at >= deleted + Settings.PoolDeleteDelay)
                {
                    (gone ??= []).Add(pool.Id);
                }
            }
            foreach (var id in gone ?? []) _pools.Remove(id);
            return changed || gone is not null;
        }

        private bool AdvancePool(SimulatedPool pool, DateTimeOffset at)
        {
            var versions = pool.Nodes.Sum(n => n.Version) + pool.Nodes.Count;
            foreach (var node in pool.Nodes) _lifecycle.Advance(pool, node, at);
            pool.Nodes.RemoveAll(n => n.Removed);
            var allocation = pool.Allocation;
            SettleAllocation(pool, at);
            return allocation != pool.Allocation || versions != pool.Nodes.Sum(n => n.Version) + pool.Nodes.Count;
        }

        /// <summary>Shaped like the service's ETags (the hex of a time); strictly increasing, so each change gets a new one.</summary>
        private string NextETag(DateTimeOffset now)
        {
            _lastETag = Math.Max(now.UtcTicks, _lastETag + 1);
            return "0x" + _lastETag.ToString("X", CultureInfo.InvariantCulture);
        }

        private string NextIpAddress()
        {
            var n = _addresses++;
            return string.Create(CultureInfo.InvariantCulture, $"10.0.{n / 250 % 256}.{n % 250 + 4}");
        }
    }
}
