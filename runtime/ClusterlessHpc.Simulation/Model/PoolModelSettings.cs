using System;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// How long the model's pools and nodes take and what the account allows: fixed for the life of a
    /// <see cref="PoolModel"/>. The emulator builds it from its options, which hold the defaults.
    /// </summary>
    public sealed record PoolModelSettings
    {
        public required string AccountName { get; init; }

        public required TimeSpan NodeCreatingDelay { get; init; }

        public required TimeSpan NodeStartingDelay { get; init; }

        public required TimeSpan NodeRebootingDelay { get; init; }

        public required TimeSpan NodeReimagingDelay { get; init; }

        public required TimeSpan NodeLeavingDelay { get; init; }

        public required TimeSpan StopResizeDelay { get; init; }

        public required TimeSpan PoolDeleteDelay { get; init; }

        /// <summary>How far apart two enable-autoscale requests for one pool must be.</summary>
        public required TimeSpan EnableAutoScaleMinimumInterval { get; init; }

        public required int DedicatedNodeQuota { get; init; }

        public required int LowPriorityNodeQuota { get; init; }

        /// <summary>The account's quota of dedicated cores across pools (each node counts its VM size's vCPUs), or null for none.</summary>
        public int? DedicatedCoreQuota { get; init; }

        /// <summary>The account's quota of low-priority (spot) cores, or null for none.</summary>
        public int? LowPriorityCoreQuota { get; init; }

        /// <summary>
        /// A test seam: the resize error code (<c>AllocationFailed</c>, <c>AllocationTimedout</c>) every growth of a pool
        /// ends with, by pool id, or null to allocate as usual.
        /// </summary>
        public Func<string, string?>? AllocationFailure { get; init; }

        /// <summary>
        /// A test seam: the error every node of a pool reports when it has booted and goes <c>unusable</c> instead of
        /// running its start task, by pool id, or null to boot as usual.
        /// </summary>
        public Func<string, BatchNodeError?>? UnusableNodeError { get; init; }

        /// <summary>How often, on average, a spot (low-priority) node is preempted: preemptions per node per hour of the clock; 0 for never.</summary>
        public double SpotPreemptionsPerHour { get; init; }

        /// <summary>The seed of the preemption draws: the same seed preempts the same nodes at the same times.</summary>
        public int SpotPreemptionSeed { get; init; }

        /// <summary>How long a preempted node stays <c>preempted</c> before the pool gets it back.</summary>
        public TimeSpan SpotRecoveryDelay { get; init; } = TimeSpan.FromSeconds(1);

        /// <summary>How late a metric sample reaches autoscale formulas (the service documents about a minute).</summary>
        public TimeSpan MetricsDelay { get; init; } = TimeSpan.FromMinutes(1);

        /// <summary>How long a deleted job stays visible in the <c>deleting</c> state.</summary>
        public TimeSpan JobDeleteDelay { get; init; } = TimeSpan.FromMilliseconds(200);

        /// <summary>A test seam: the exit code a node's start task ends with, by pool and node id, or null to run it.</summary>
        public Func<string, string, int?>? StartTaskExitCode { get; init; }
    }
}
