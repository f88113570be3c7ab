using System;

namespace ClusterlessHpc
{
    /// <summary>The pool's virtual network subnet and public IP addresses.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class NetworkAttribute : Attribute
    {
        /// <summary>The subnet's ARM id (same region and subscription as the Batch account).</summary>
        public string? SubnetId { get; set; }

        /// <summary>How nodes get public IP addresses (Batch-managed by default).</summary>
        public PublicIPAddressProvisioning PublicIPAddresses { get; set; }

        /// <summary>ARM ids of public IP addresses, with <see cref="PublicIPAddressProvisioning.UserManaged"/>.</summary>
        public string[]? PublicIPAddressIds { get; set; }
    }
}
