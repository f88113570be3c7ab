using System;

namespace ClusterlessHpc.Emulator.State
{
    /// <summary>
    /// What the emulator fixes about a node when it allocates it; its state is derived from these times and the
    /// clock (see <see cref="Simulation.NodeLifecycle"/>), so it needs no timers and a test clock drives it.
    /// </summary>
    /// <param name="Id">The node id, shaped like the service's (<c>tvm-1695681911_1-20161122t193202z</c>).</param>
    /// <param name="IsDedicated">False for a low-priority (spot) node.</param>
    /// <param name="AllocationTime">When the node was allocated to the pool; it starts <c>creating</c> then.</param>
    /// <param name="IpAddress">A made-up private address.</param>
    /// <param name="StartTaskExitCodeOverride">The exit code the options' test seam chose for this node, if any.</param>
    internal sealed record EmulatedNode(
        string Id,
        bool IsDedicated,
        DateTimeOffset AllocationTime,
        string IpAddress,
        int? StartTaskExitCodeOverride);
}
