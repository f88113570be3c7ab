using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The task each node runs when it joins the pool (StartTask).</summary>
    public sealed class BatchStartTask
    {
        /// <summary>Run without a shell: use <c>/bin/bash -c</c> for shell features.</summary>
        public string CommandLine { get; set; } = "";

        public BatchTaskContainerSettings? ContainerSettings { get; set; }

        public IList<ResourceFile>? ResourceFiles { get; set; }

        public IList<EnvironmentSetting>? EnvironmentSettings { get; set; }

        public UserIdentity? UserIdentity { get; set; }

        public int? MaxTaskRetryCount { get; set; }

        public bool? WaitForSuccess { get; set; }
    }
}
