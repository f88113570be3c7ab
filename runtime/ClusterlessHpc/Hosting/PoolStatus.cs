using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace ClusterlessHpc.Hosting
{
    /// <summary>Where provisioning of a pool stands, for health checks and dashboards.</summary>
    public enum PoolState
    {
        Pending,
        Provisioning,
        Ready,
        Failed,

        /// <summary>Still provisioning, but stalled: the message is the root cause and its fix.</summary>
        Stalled,
    }

    /// <summary>The state of one pool provisioned at startup, and the error when it failed.</summary>
    public sealed record PoolStatus(string PoolId, PoolState State, string? Message = null);

    /// <summary>The states of the pools provisioned at startup.</summary>
    public sealed class PoolStatusBoard
    {
        private readonly ConcurrentDictionary<string, PoolStatus> _pools = new(StringComparer.OrdinalIgnoreCase);

        public PoolStatus Get(string poolId) => _pools.TryGetValue(poolId, out var status) ? status : new PoolStatus(poolId, PoolState.Pending);

        public IReadOnlyCollection<PoolStatus> All => _pools.Values as IReadOnlyCollection<PoolStatus> ?? new List<PoolStatus>(_pools.Values);

        /// <summary>Raised on every change, on the thread that made it.</summary>
        public event Action<PoolStatus>? Changed;

        internal void Set(PoolStatus status)
        {
            _pools[status.PoolId] = status;
            Changed?.Invoke(status);
        }
    }
}
