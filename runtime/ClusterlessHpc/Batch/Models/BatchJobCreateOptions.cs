using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// The body of the add-job request (JobAddParameter). Task dependencies (<c>usesTaskDependencies</c>) and auto pools are
    /// not supported by this client.
    /// </summary>
    public sealed class BatchJobCreateOptions
    {
        /// <summary>The job id: letters, digits, hyphens and underscores, at most 64; unique in the account, ignoring case.</summary>
        public string Id { get; set; } = "";

        public string? DisplayName { get; set; }

        /// <summary>From -1000 (lowest) to 1000 (highest); 0 by default.</summary>
        public int? Priority { get; set; }

        /// <summary>The most tasks of the job that run at once: -1 (the default) or at least 1.</summary>
        public int? MaxParallelTasks { get; set; }

        public bool? AllowTaskPreemption { get; set; }

        public BatchJobConstraints? Constraints { get; set; }

        public BatchJobManagerTask? JobManagerTask { get; set; }

        public BatchJobPreparationTask? JobPreparationTask { get; set; }

        public BatchJobReleaseTask? JobReleaseTask { get; set; }

        /// <summary>Environment variables of every task of the job; a task's own setting of the same name wins.</summary>
        public IList<EnvironmentSetting>? CommonEnvironmentSettings { get; set; }

        /// <summary>The pool the job's tasks run on.</summary>
        public BatchPoolInfo PoolInfo { get; set; } = new();

        /// <summary>What happens once every task is complete: <c>noaction</c> (the default) or <c>terminatejob</c>.</summary>
        public OnAllBatchTasksComplete? OnAllTasksComplete { get; set; }

        public OnBatchTaskFailure? OnTaskFailure { get; set; }

        public IList<BatchMetadataItem>? Metadata { get; set; }

        public BatchJobNetworkConfiguration? NetworkConfiguration { get; set; }
    }
}
