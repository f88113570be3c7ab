using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The container runtime of a pool and the images it prefetches (ContainerConfiguration).</summary>
    public sealed class BatchContainerConfiguration
    {
        public ContainerType Type { get; set; }

        public IList<string>? ContainerImageNames { get; set; }

        public IList<ContainerRegistryReference>? ContainerRegistries { get; set; }
    }
}
