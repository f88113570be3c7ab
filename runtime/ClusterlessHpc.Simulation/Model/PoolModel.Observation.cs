using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// What the autoscale simulation watches: the account after every step of its clock. Between two steps nothing
    /// changes, so what it sees at each one is the whole story (node-hours and idle time add up exactly).
    /// </summary>
    public sealed partial class PoolModel
    {
        /// <summary>Raised under the lock at the end of every step of the clock, with the step's time; a handler reads, never changes.</summary>
        internal event Action<DateTimeOffset>? Stepped;

        /// <summary>A pool by id, for a <see cref="Stepped"/> handler (under the lock).</summary>
        internal SimulatedPool? PoolUnderLock(string poolId) => _pools.GetValueOrDefault(poolId);

        /// <summary>A job by id, for a <see cref="Stepped"/> handler (under the lock).</summary>
        internal SimulatedJob? JobUnderLock(string jobId) => _jobs.GetValueOrDefault(jobId);
    }
}
