using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>How OS upgrades are applied. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<UpgradeMode>))]
    public readonly struct UpgradeMode : IExtensibleEnum<UpgradeMode>, IEquatable<UpgradeMode>
    {
        public UpgradeMode(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static UpgradeMode Automatic { get; } = new("automatic");

        public static UpgradeMode Manual { get; } = new("manual");

        public static UpgradeMode Rolling { get; } = new("rolling");

        static UpgradeMode IExtensibleEnum<UpgradeMode>.FromString(string value) => new(value);

        public bool Equals(UpgradeMode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is UpgradeMode other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(UpgradeMode left, UpgradeMode right) => left.Equals(right);
        public static bool operator !=(UpgradeMode left, UpgradeMode right) => !left.Equals(right);
        public static implicit operator UpgradeMode(string value) => new(value);
    }
}
