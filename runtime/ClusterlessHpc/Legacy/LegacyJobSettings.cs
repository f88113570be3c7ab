namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// The job and task keys of <c>parameters.json</c>. They do not shape a pool; they are kept for the code that
    /// submits the work.
    /// </summary>
    public sealed class LegacyJobSettings
    {
        internal LegacyJobSettings()
        {
        }

        /// <summary><c>_JOB_ID</c>: the base job id.</summary>
        public string JobId { get; internal init; } = "";

        /// <summary><c>_NUM_RETRYS</c>: how often a failed task is retried.</summary>
        public int TaskRetryCount { get; internal init; }

        /// <summary><c>_MPI_RUN</c>: run tasks with mpirun.</summary>
        public bool MpiRun { get; internal init; }

        /// <summary>
        /// <c>_NUM_NODES_PER_TASK</c>: nodes per (multi-instance) task. 1 when the file asks for more without
        /// <c>_INTER_NODE_CONNECTION</c>, as the package did.
        /// </summary>
        public int NodesPerTask { get; internal init; }

        /// <summary><c>_NUM_PROCS_PER_NODE</c>: MPI processes per node.</summary>
        public int ProcessesPerNode { get; internal init; }

        /// <summary><c>_OMP_NUM_THREADS</c>.</summary>
        public int OmpThreads { get; internal init; }

        /// <summary><c>_JULIA_NUM_THREADS</c>, as written (Julia also accepts <c>auto</c>).</summary>
        public string JuliaThreads { get; internal init; } = "";

        /// <summary><c>_PYTHONPATH</c> for tasks.</summary>
        public string PythonPath { get; internal init; } = "";

        /// <summary><c>_VERBOSE</c>.</summary>
        public bool Verbose { get; internal init; }

        /// <summary><c>_STANDARD_OUT_FILE_NAME</c>.</summary>
        public string StandardOutFileName { get; internal init; } = "";

        public override string ToString() =>
            $"job '{JobId}', {NodesPerTask} node(s) x {ProcessesPerNode} process(es) per task, {TaskRetryCount} retries";
    }
}
