using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// The body of the add-task request, alone or in a collection (TaskAddParameter). Multi-instance (MPI) tasks, task
    /// dependencies and output files are not supported by this client.
    /// </summary>
    public sealed class BatchTaskCreateOptions
    {
        /// <summary>The task id: letters, digits, hyphens and underscores, at most 64; unique in its job, ignoring case.</summary>
        public string Id { get; set; } = "";

        public string? DisplayName { get; set; }

        /// <summary>Run without a shell: use <c>/bin/bash -c</c> for shell features.</summary>
        public string CommandLine { get; set; } = "";

        public BatchTaskContainerSettings? ContainerSettings { get; set; }

        public ExitConditions? ExitConditions { get; set; }

        public IList<ResourceFile>? ResourceFiles { get; set; }

        public IList<EnvironmentSetting>? EnvironmentSettings { get; set; }

        public BatchAffinityInfo? AffinityInfo { get; set; }

        public BatchTaskConstraints? Constraints { get; set; }

        /// <summary>The scheduling slots the task takes on its node: 1 by default, at most the pool's task slots per node.</summary>
        public int? RequiredSlots { get; set; }

        public UserIdentity? UserIdentity { get; set; }

        public IList<BatchApplicationPackageReference>? ApplicationPackageReferences { get; set; }

        public AuthenticationTokenSettings? AuthenticationTokenSettings { get; set; }
    }
}
