using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Inbound NAT pools of a pool's nodes (PoolEndpointConfiguration).</summary>
    public sealed class BatchPoolEndpointConfiguration
    {
        [JsonPropertyName("inboundNATPools")]
        public IList<BatchInboundNatPool> InboundNatPools { get; set; } = new List<BatchInboundNatPool>();
    }
}
