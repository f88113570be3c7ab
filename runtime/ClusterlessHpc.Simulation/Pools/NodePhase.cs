namespace ClusterlessHpc.Simulation
{
    /// <summary>Where a node is in its life; the reported state follows from it (see <see cref="SimulatedNode.State"/>).</summary>
    public enum NodePhase
    {
        /// <summary>The VM is being allocated: <c>creating</c>.</summary>
        Creating,

        /// <summary>Booting: <c>starting</c>.</summary>
        Starting,

        /// <summary>The start task runs: <c>waitingforstarttask</c>, or <c>idle</c> when it does not wait for success.</summary>
        StartTask,

        Idle,

        /// <summary>The start task failed for good and waited for success: <c>starttaskfailed</c>.</summary>
        StartTaskFailed,

        Rebooting,

        Reimaging,

        /// <summary><c>leavingpool</c>, until it is gone.</summary>
        Leaving,

        /// <summary>A spot node whose VM was taken back: <c>preempted</c>, until the pool gets it back (it then boots afresh).</summary>
        Preempted,

        /// <summary>
        /// Booted but unable to run tasks, with the errors it reports (<see cref="SimulatedNode.Errors"/>): <c>unusable</c>
        /// until it leaves the pool (reboot and reimage are refused, as the service refuses them).
        /// </summary>
        Unusable,
    }
}
