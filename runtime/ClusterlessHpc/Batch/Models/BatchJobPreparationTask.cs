using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// A task run on each node before the first of the job's tasks runs there (JobPreparationTask); the job's tasks on that
    /// node are <c>preparing</c> meanwhile.
    /// </summary>
    public sealed class BatchJobPreparationTask
    {
        public string? Id { get; set; }

        /// <summary>Run without a shell: use <c>/bin/bash -c</c> for shell features.</summary>
        public string CommandLine { get; set; } = "";

        public BatchTaskContainerSettings? ContainerSettings { get; set; }

        public IList<ResourceFile>? ResourceFiles { get; set; }

        public IList<EnvironmentSetting>? EnvironmentSettings { get; set; }

        public BatchTaskConstraints? Constraints { get; set; }

        /// <summary>Whether the job's tasks wait for it to succeed (true by default).</summary>
        public bool? WaitForSuccess { get; set; }

        public UserIdentity? UserIdentity { get; set; }

        public bool? RerunOnNodeRebootAfterSuccess { get; set; }
    }
}
