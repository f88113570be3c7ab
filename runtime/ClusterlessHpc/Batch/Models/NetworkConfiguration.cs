using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A pool's virtual network, endpoints and public IP addresses.</summary>
    public sealed class NetworkConfiguration
    {
        public string? SubnetId { get; set; }

        public DynamicVNetAssignmentScope? DynamicVNetAssignmentScope { get; set; }

        public BatchPoolEndpointConfiguration? EndpointConfiguration { get; set; }

        [JsonPropertyName("publicIPAddressConfiguration")]
        public BatchPublicIpAddressConfiguration? PublicIpAddressConfiguration { get; set; }

        public bool? EnableAcceleratedNetworking { get; set; }
    }
}
