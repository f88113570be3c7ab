using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Whether a network security group rule allows or denies. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<NetworkSecurityGroupRuleAccess>))]
    public readonly struct NetworkSecurityGroupRuleAccess : IExtensibleEnum<NetworkSecurityGroupRuleAccess>, IEquatable<NetworkSecurityGroupRuleAccess>
    {
        public NetworkSecurityGroupRuleAccess(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static NetworkSecurityGroupRuleAccess Allow { get; } = new("allow");

        public static NetworkSecurityGroupRuleAccess Deny { get; } = new("deny");

        static NetworkSecurityGroupRuleAccess IExtensibleEnum<NetworkSecurityGroupRuleAccess>.FromString(string value) => new(value);

        public bool Equals(NetworkSecurityGroupRuleAccess other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is NetworkSecurityGroupRuleAccess other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(NetworkSecurityGroupRuleAccess left, NetworkSecurityGroupRuleAccess right) => left.Equals(right);
        public static bool operator !=(NetworkSecurityGroupRuleAccess left, NetworkSecurityGroupRuleAccess right) => !left.Equals(right);
        public static implicit operator NetworkSecurityGroupRuleAccess(string value) => new(value);
    }
}
