using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A task run on each node that ran the job's tasks, when the job ends (JobReleaseTask).</summary>
    public sealed class BatchJobReleaseTask
    {
        public string? Id { get; set; }

        /// <summary>Run without a shell: use <c>/bin/bash -c</c> for shell features.</summary>
        public string CommandLine { get; set; } = "";

        public BatchTaskContainerSettings? ContainerSettings { get; set; }

        public IList<ResourceFile>? ResourceFiles { get; set; }

        public IList<EnvironmentSetting>? EnvironmentSettings { get; set; }

        public TimeSpan? MaxWallClockTime { get; set; }

        public TimeSpan? RetentionTime { get; set; }

        public UserIdentity? UserIdentity { get; set; }
    }
}
