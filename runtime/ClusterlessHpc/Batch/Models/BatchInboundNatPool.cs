using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A range of frontend ports mapped to a backend port on every node (InboundNATPool).</summary>
    public sealed class BatchInboundNatPool
    {
        public string Name { get; set; } = "";

        public InboundEndpointProtocol Protocol { get; set; }

        public int BackendPort { get; set; }

        public int FrontendPortRangeStart { get; set; }

        public int FrontendPortRangeEnd { get; set; }

        public IList<NetworkSecurityGroupRule>? NetworkSecurityGroupRules { get; set; }
    }
}
