using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Simulation;

namespace ClusterlessHpc.Emulator.State
{
    /// <summary>
    /// The account's pools, keyed case-insensitively as the service compares pool ids (the id keeps its case).
    /// A deleted pool stays, <c>deleting</c>, for the delete delay and is purged lazily on the next access, so
    /// there are no timers and a test clock decides when it is gone.
    /// </summary>
    internal sealed class PoolStore
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, EmulatedPool> _pools = new(StringComparer.OrdinalIgnoreCase);
        private readonly StartTaskSimulator _simulator;
        private long _lastETag;
        private int _addressesHandedOut;

        public PoolStore(BatchEmulatorOptions settings, StartTaskSimulator simulator)
        {
            Settings = settings;
            _simulator = simulator;
        }

        /// <summary>The emulator's options, fixed at start: timings, clock, test seams.</summary>
        public BatchEmulatorOptions Settings { get; }

        public DateTimeOffset Now => Settings.TimeProvider.GetUtcNow();

        /// <summary>Adds a validated pool with its nodes, all allocated now, and starts deciding its start task.</summary>
        /// <exception cref="EmulatorException"><c>PoolExists</c>, or <c>PoolBeingDeleted</c> while a pool of that id is going.</exception>
        public EmulatedPool Add(BatchPoolCreateOptions spec, JsonElement? taskSchedulingPolicy)
        {
            var now = Now;
            // Built outside the lock: the test seam is user code.
            var nodes = AllocateNodes(spec, now);
            lock (_gate)
            {
                Purge(now);
                if (_pools.TryGetValue(spec.Id, out var existing))
                {
                    throw existing.IsDeleting ? BatchErrors.PoolBeingDeleted() : BatchErrors.PoolExists();
                }
                var pool = new EmulatedPool
                {
                    Spec = spec,
                    TaskSchedulingPolicy = taskSchedulingPolicy,
                    CreationTime = now,
                    LastModified = now,
                    ETag = NextETag(now),
                    Nodes = nodes,
                    StartTaskResult = spec.StartTask is null ? null : _simulator.Begin(spec.StartTask),
                };
                _pools.Add(spec.Id, pool);
                return pool;
            }
        }

        /// <exception cref="EmulatorException"><c>PoolNotFound</c>.</exception>
        public EmulatedPool Get(string poolId)
        {
            lock (_gate)
            {
                Purge(Now);
                return _pools.TryGetValue(poolId, out var pool) ? pool : throw BatchErrors.PoolNotFound();
            }
        }

        public IReadOnlyList<EmulatedPool> List()
        {
            lock (_gate)
            {
                Purge(Now);
                return _pools.Values.ToList();
            }
        }

        /// <summary>Marks the pool <c>deleting</c>; it is gone once the delete delay has passed.</summary>
        /// <exception cref="EmulatorException"><c>PoolNotFound</c>, or <c>PoolBeingDeleted</c> when it is already going.</exception>
        public void Delete(string poolId)
        {
            var now = Now;
            lock (_gate)
            {
                Purge(now);
                if (!_pools.TryGetValue(poolId, out var pool)) throw BatchErrors.PoolNotFound();
                if (pool.IsDeleting) throw BatchErrors.PoolBeingDeleted();
                _pools[poolId] = pool with { DeleteRequestedAt = now, LastModified = now, ETag = NextETag(now) };
            }
        }

        private void Purge(DateTimeOffset now)
        {
            foreach (var pool in _pools.Values.Where(p => p.DeleteRequestedAt + Settings.PoolDeleteDelay <= now).ToList())
            {
                _pools.Remove(pool.Id);
            }
        }

        /// <summary>Shaped like the service's ETags (the hex of a time); strictly increasing, so each change gets a new one.</summary>
        private string NextETag(DateTimeOffset now)
        {
            _lastETag = Math.Max(now.UtcTicks, _lastETag + 1);
            return "0x" + _lastETag.ToString("X", CultureInfo.InvariantCulture);
        }

        private List<EmulatedNode> AllocateNodes(BatchPoolCreateOptions spec, DateTimeOffset now)
        {
            var dedicated = spec.EnableAutoScale == true ? 0 : spec.TargetDedicatedNodes ?? 0;
            var lowPriority = spec.EnableAutoScale == true ? 0 : spec.TargetLowPriorityNodes ?? 0;
            // The service names a pool's VMs tvm-<number>_<n>-<allocation time>.
            var number = Random.Shared.NextInt64(1_000_000_000, 10_000_000_000);
            var stamp = now.UtcDateTime.ToString("yyyyMMdd't'HHmmss'z'", CultureInfo.InvariantCulture);
            var nodes = new List<EmulatedNode>(dedicated + lowPriority);
            for (var i = 0; i < dedicated + lowPriority; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"tvm-{number}_{i + 1}-{stamp}");
                nodes.Add(new EmulatedNode(
                    id,
                    IsDedicated: i < dedicated,
                    AllocationTime: now,
                    IpAddress: NextIpAddress(),
                    StartTaskExitCodeOverride: Settings.StartTaskExitCode?.Invoke(spec.Id, id)));
            }
            return nodes;
        }

        private string NextIpAddress()
        {
            var n = Interlocked.Increment(ref _addressesHandedOut) - 1;
            return string.Create(CultureInfo.InvariantCulture, $"10.0.{n / 250 % 256}.{n % 250 + 4}");
        }
    }
}
