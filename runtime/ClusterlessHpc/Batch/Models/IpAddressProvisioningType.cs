using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Who provisions the public IP addresses of nodes. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<IpAddressProvisioningType>))]
    public readonly struct IpAddressProvisioningType : IExtensibleEnum<IpAddressProvisioningType>, IEquatable<IpAddressProvisioningType>
    {
        public IpAddressProvisioningType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static IpAddressProvisioningType BatchManaged { get; } = new("batchmanaged");

        public static IpAddressProvisioningType UserManaged { get; } = new("usermanaged");

        public static IpAddressProvisioningType NoPublicIpAddresses { get; } = new("nopublicipaddresses");

        static IpAddressProvisioningType IExtensibleEnum<IpAddressProvisioningType>.FromString(string value) => new(value);

        public bool Equals(IpAddressProvisioningType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is IpAddressProvisioningType other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(IpAddressProvisioningType left, IpAddressProvisioningType right) => left.Equals(right);
        public static bool operator !=(IpAddressProvisioningType left, IpAddressProvisioningType right) => !left.Equals(right);
        public static implicit operator IpAddressProvisioningType(string value) => new(value);
    }
}
