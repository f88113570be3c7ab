namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The body of the terminate-job request (JobTerminateParameter).</summary>
    public sealed class BatchJobTerminateOptions
    {
        /// <summary>Becomes the job's <see cref="BatchJobExecutionInfo.TerminateReason"/>; <c>UserTerminate</c> when not set.</summary>
        public string? TerminateReason { get; set; }
    }
}
