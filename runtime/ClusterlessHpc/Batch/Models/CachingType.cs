using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>How a disk is cached. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<CachingType>))]
    public readonly struct CachingType : IExtensibleEnum<CachingType>, IEquatable<CachingType>
    {
        public CachingType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static CachingType None { get; } = new("none");

        public static CachingType ReadOnly { get; } = new("readonly");

        public static CachingType ReadWrite { get; } = new("readwrite");

        static CachingType IExtensibleEnum<CachingType>.FromString(string value) => new(value);

        public bool Equals(CachingType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is CachingType other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(CachingType left, CachingType right) => left.Equals(right);
        public static bool operator !=(CachingType left, CachingType right) => !left.Equals(right);
        public static implicit operator CachingType(string value) => new(value);
    }
}
