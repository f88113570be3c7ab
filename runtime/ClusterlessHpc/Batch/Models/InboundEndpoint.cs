using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A public endpoint of a node.</summary>
    public sealed class InboundEndpoint
    {
        public string Name { get; init; } = "";

        public InboundEndpointProtocol Protocol { get; init; }

        [JsonPropertyName("publicIPAddress")]
        public string PublicIpAddress { get; init; } = "";

        [JsonPropertyName("publicFQDN")]
        public string PublicFqdn { get; init; } = "";

        public int FrontendPort { get; init; }

        public int BackendPort { get; init; }
    }
}
