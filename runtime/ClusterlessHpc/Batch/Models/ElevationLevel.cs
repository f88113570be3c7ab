using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The elevation of a user. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<ElevationLevel>))]
    public readonly struct ElevationLevel : IExtensibleEnum<ElevationLevel>, IEquatable<ElevationLevel>
    {
        public ElevationLevel(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static ElevationLevel NonAdmin { get; } = new("nonadmin");

        public static ElevationLevel Admin { get; } = new("admin");

        static ElevationLevel IExtensibleEnum<ElevationLevel>.FromString(string value) => new(value);

        public bool Equals(ElevationLevel other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is ElevationLevel other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(ElevationLevel left, ElevationLevel right) => left.Equals(right);
        public static bool operator !=(ElevationLevel left, ElevationLevel right) => !left.Equals(right);
        public static implicit operator ElevationLevel(string value) => new(value);
    }
}
