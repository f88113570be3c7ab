namespace ClusterlessHpc.Provisioning
{
    /// <summary>What <see cref="PoolProvisioner.ApplyAsync"/> does when the pool exists but differs from its definition.</summary>
    public enum DriftPolicy
    {
        /// <summary>Stop with a <see cref="PoolDriftException"/> that lists every difference (the default).</summary>
        Fail,

        /// <summary>
        /// Change what Batch changes in place: start task and metadata (PATCH), autoscale formula and interval,
        /// target nodes (resize). Properties that need a new pool still fail.
        /// </summary>
        UpdateInPlace,

        /// <summary>Delete the pool, wait until it is gone, and create it again. Its nodes and their data are lost.</summary>
        Recreate,
    }

    /// <summary>What happens to nodes that exist when the start task changes in place (they get it only when rebooted or reimaged).</summary>
    public enum ExistingNodes
    {
        /// <summary>Leave them; new nodes get the new start task.</summary>
        Leave,

        /// <summary>Reboot them (keeps their disks; the idempotent script installs what changed).</summary>
        Reboot,

        /// <summary>Reimage them (fresh disks).</summary>
        Reimage,
    }
}
