namespace ClusterlessHpc.Emulator
{
    /// <summary>How the emulator runs start tasks.</summary>
    public enum StartTaskMode
    {
        /// <summary>
        /// Nothing runs: the script a start task would run is checked with <c>bash -n</c> and its exit code decides the
        /// outcome after <see cref="BatchEmulatorOptions.StartTaskDelay"/>. Cheap enough for thousands of nodes.
        /// </summary>
        Simulate,

        /// <summary>
        /// The command line really runs, as an unprivileged user inside a sandbox folder per node (see the README), with
        /// the node's <c>AZ_BATCH_*</c> variables and its resource files downloaded first.
        /// </summary>
        Execute,
    }
}
