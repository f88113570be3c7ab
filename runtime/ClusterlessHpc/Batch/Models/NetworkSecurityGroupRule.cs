using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A network security group rule of an inbound endpoint.</summary>
    public sealed class NetworkSecurityGroupRule
    {
        public int Priority { get; set; }

        public NetworkSecurityGroupRuleAccess Access { get; set; }

        public string SourceAddressPrefix { get; set; } = "";

        public IList<string>? SourcePortRanges { get; set; }
    }
}
