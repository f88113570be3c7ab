using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The security type of the VMs. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<SecurityTypes>))]
    public readonly struct SecurityTypes : IExtensibleEnum<SecurityTypes>, IEquatable<SecurityTypes>
    {
        public SecurityTypes(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static SecurityTypes TrustedLaunch { get; } = new("trustedLaunch");

        public static SecurityTypes ConfidentialVM { get; } = new("confidentialVM");

        static SecurityTypes IExtensibleEnum<SecurityTypes>.FromString(string value) => new(value);

        public bool Equals(SecurityTypes other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is SecurityTypes other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(SecurityTypes left, SecurityTypes right) => left.Equals(right);
        public static bool operator !=(SecurityTypes left, SecurityTypes right) => !left.Equals(right);
        public static implicit operator SecurityTypes(string value) => new(value);
    }
}
