using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A node's inbound endpoints (ComputeNodeEndpointConfiguration).</summary>
    public sealed class BatchNodeEndpointConfiguration
    {
        public IReadOnlyList<InboundEndpoint> InboundEndpoints { get; init; } = [];
    }
}
