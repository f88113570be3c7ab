using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// A task started with the job that drives it, typically by adding its other tasks (JobManagerTask). Output files are
    /// not supported by this client.
    /// </summary>
    public sealed class BatchJobManagerTask
    {
        public string Id { get; set; } = "";

        public string? DisplayName { get; set; }

        /// <summary>Run without a shell: use <c>/bin/bash -c</c> for shell features.</summary>
        public string CommandLine { get; set; } = "";

        public BatchTaskContainerSettings? ContainerSettings { get; set; }

        public IList<ResourceFile>? ResourceFiles { get; set; }

        public IList<EnvironmentSetting>? EnvironmentSettings { get; set; }

        public BatchTaskConstraints? Constraints { get; set; }

        public int? RequiredSlots { get; set; }

        /// <summary>Whether the job completes when the job manager task does (true by default).</summary>
        public bool? KillJobOnCompletion { get; set; }

        public UserIdentity? UserIdentity { get; set; }

        public bool? RunExclusive { get; set; }

        public IList<BatchApplicationPackageReference>? ApplicationPackageReferences { get; set; }

        public AuthenticationTokenSettings? AuthenticationTokenSettings { get; set; }

        public bool? AllowLowPriorityNode { get; set; }
    }
}
