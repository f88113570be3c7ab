namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// Why a pool stays below its target, as <see cref="PoolStallExplainer"/> names it. When several apply, the one
    /// listed first wins (<see cref="PoolStallExplainer.Precedence"/> holds the order and the reasons; docs/stalls.md
    /// explains each cause and its fix).
    /// </summary>
    public enum StallCause
    {
        /// <summary>Nothing keeps the pool from its target (or nothing is known to).</summary>
        None = 0,

        /// <summary>A resize stopped at the account's core quota (<c>AccountCoreQuotaReached</c>, <c>AccountLowPriorityCoreQuotaReached</c>, <c>AccountSpotCoreQuotaReached</c>).</summary>
        QuotaReached,

        /// <summary>A node's start task failed (<c>starttaskfailed</c>): every new node runs the same script.</summary>
        StartTaskFailed,

        /// <summary>The autoscale formula's last evaluation failed, so the targets are not what the formula wants.</summary>
        AutoScaleFailed,

        /// <summary>The formula's last evaluation set both targets to 0 while tasks wait on the pool.</summary>
        FormulaKeepsZero,

        /// <summary>Batch could not allocate the VMs (<c>AllocationFailed</c>).</summary>
        AllocationFailed,

        /// <summary>The resize did not finish within the pool's resize timeout (<c>AllocationTimedout</c>).</summary>
        AllocationTimedOut,

        /// <summary>Nodes are <c>unusable</c>.</summary>
        NodesUnusable,

        /// <summary>The resize was stopped (<c>ResizeStopped</c>): a stop-resize, or autoscale disabled during a resize.</summary>
        ResizeStopped,

        /// <summary>Another resize error (<c>RemoveNodesFailed</c>, ...).</summary>
        ResizeError,

        /// <summary>Spot (low-priority) nodes were preempted and wait for capacity.</summary>
        NodesPreempted,

        /// <summary>Nodes are still running the start task (<c>waitingforstarttask</c>).</summary>
        StartTaskRunning,

        /// <summary>Batch is still allocating or booting nodes (<c>creating</c>, <c>starting</c>, or resizing).</summary>
        NodesStarting,
    }
}
