using System;
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
    }
}
