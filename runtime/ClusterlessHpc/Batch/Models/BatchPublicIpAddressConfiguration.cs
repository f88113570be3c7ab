using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>How nodes get public IP addresses (PublicIPAddressConfiguration).</summary>
    public sealed class BatchPublicIpAddressConfiguration
    {
        public IpAddressProvisioningType? Provision { get; set; }

        public IList<string>? IpAddressIds { get; set; }
    }
}
