namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// A job on a pool, as <see cref="PoolJobRunner.StartJobAsync"/> started it (with the pool's definition, so Julia tasks
    /// are checked against it), or named to attach to a job that exists (<see cref="Pool"/> then null).
    /// </summary>
    public sealed record PoolJob(string Id, string PoolId)
    {
        /// <summary>The declared pool the job was started on, when this process started it.</summary>
        public PoolDefinition? Pool { get; init; }
    }
}
