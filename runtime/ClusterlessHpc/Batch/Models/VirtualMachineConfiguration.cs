using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The image and node agent of a pool's VMs.</summary>
    public sealed class VirtualMachineConfiguration
    {
        public BatchVmImageReference ImageReference { get; set; } = new();

        /// <summary>The node agent SKU that matches the image.</summary>
        [JsonPropertyName("nodeAgentSKUId")]
        public string NodeAgentSkuId { get; set; } = "";

        public WindowsConfiguration? WindowsConfiguration { get; set; }

        public IList<DataDisk>? DataDisks { get; set; }

        public string? LicenseType { get; set; }

        public BatchContainerConfiguration? ContainerConfiguration { get; set; }

        public DiskEncryptionConfiguration? DiskEncryptionConfiguration { get; set; }

        public BatchNodePlacementConfiguration? NodePlacementConfiguration { get; set; }

        public IList<VMExtension>? Extensions { get; set; }

        public BatchOsDisk? OsDisk { get; set; }

        public SecurityProfile? SecurityProfile { get; set; }

        public ServiceArtifactReference? ServiceArtifactReference { get; set; }
    }
}
