using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The operating system of an image. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<OSType>))]
    public readonly struct OSType : IExtensibleEnum<OSType>, IEquatable<OSType>
    {
        public OSType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static OSType Linux { get; } = new("linux");

        public static OSType Windows { get; } = new("windows");

        static OSType IExtensibleEnum<OSType>.FromString(string value) => new(value);

        public bool Equals(OSType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is OSType other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(OSType left, OSType right) => left.Equals(right);
        public static bool operator !=(OSType left, OSType right) => !left.Equals(right);
        public static implicit operator OSType(string value) => new(value);
    }
}
