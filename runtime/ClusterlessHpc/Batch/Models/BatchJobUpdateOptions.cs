using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// The body of the patch-job request (JobPatchParameter): only the properties set change. <see cref="PoolInfo"/>
    /// changes only while the job is disabled; <see cref="OnAllTasksComplete"/> goes from <c>noaction</c> to
    /// <c>terminatejob</c>, never back (400).
    /// </summary>
    public sealed class BatchJobUpdateOptions
    {
        public int? Priority { get; set; }

        public int? MaxParallelTasks { get; set; }

        public bool? AllowTaskPreemption { get; set; }

        public OnAllBatchTasksComplete? OnAllTasksComplete { get; set; }

        public BatchJobConstraints? Constraints { get; set; }

        public BatchPoolInfo? PoolInfo { get; set; }

        public BatchJobNetworkConfiguration? NetworkConfiguration { get; set; }

        /// <summary>Replaces the job's metadata; an empty list clears it.</summary>
        public IList<BatchMetadataItem>? Metadata { get; set; }
    }
}
