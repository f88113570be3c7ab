namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// What the service does when a task exits a given way (ExitOptions). The effect on dependent tasks
    /// (<c>dependencyAction</c>) is not supported: task dependencies are not.
    /// </summary>
    public sealed class ExitOptions
    {
        /// <summary>Applied only when the job's <see cref="BatchJob.OnTaskFailure"/> is <c>performexitoptionsjobaction</c>.</summary>
        public BatchJobAction? JobAction { get; set; }
    }
}
