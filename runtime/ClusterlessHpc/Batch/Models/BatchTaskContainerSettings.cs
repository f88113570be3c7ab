using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The container a task runs in (TaskContainerSettings).</summary>
    public sealed class BatchTaskContainerSettings
    {
        public string? ContainerRunOptions { get; set; }

        public string ImageName { get; set; } = "";

        public ContainerRegistryReference? Registry { get; set; }

        public ContainerWorkingDirectory? WorkingDirectory { get; set; }

        public IList<ContainerHostBatchBindMountEntry>? ContainerHostBatchBindMounts { get; set; }
    }
}
