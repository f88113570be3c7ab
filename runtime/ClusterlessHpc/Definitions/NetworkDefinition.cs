namespace ClusterlessHpc
{
    /// <summary>How the pool's nodes get public IP addresses.</summary>
    public enum PublicIPAddressProvisioning
    {
        /// <summary>Batch creates and manages them (the service's default).</summary>
        BatchManaged,

        /// <summary>The addresses listed in <see cref="NetworkDefinition.PublicIPAddressIds"/>.</summary>
        UserManaged,

        /// <summary>No public IP addresses: nodes are reachable only inside the virtual network.</summary>
        NoPublicIPAddresses,
    }

    /// <summary>The pool's virtual network subnet and public IP addresses.</summary>
    public sealed record NetworkDefinition
    {
        /// <summary>The ARM id of the subnet: <c>/subscriptions/.../resourceGroups/.../providers/Microsoft.Network/virtualNetworks/.../subnets/...</c>.</summary>
        public string? SubnetId { get; init; }

        public PublicIPAddressProvisioning? PublicIPAddresses { get; init; }

        /// <summary>ARM ids of public IP addresses, with <see cref="PublicIPAddressProvisioning.UserManaged"/>.</summary>
        public System.Collections.Generic.IReadOnlyList<string> PublicIPAddressIds { get => _publicIPAddressIds; init => _publicIPAddressIds = ValueList<string>.Of(value); }
        private readonly ValueList<string> _publicIPAddressIds = ValueList<string>.Empty;
    }
}
