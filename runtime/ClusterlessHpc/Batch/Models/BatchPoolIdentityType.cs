using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The identity type of a pool. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchPoolIdentityType>))]
    public readonly struct BatchPoolIdentityType : IExtensibleEnum<BatchPoolIdentityType>, IEquatable<BatchPoolIdentityType>
    {
        public BatchPoolIdentityType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchPoolIdentityType UserAssigned { get; } = new("UserAssigned");

        public static BatchPoolIdentityType None { get; } = new("None");

        static BatchPoolIdentityType IExtensibleEnum<BatchPoolIdentityType>.FromString(string value) => new(value);

        public bool Equals(BatchPoolIdentityType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchPoolIdentityType other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchPoolIdentityType left, BatchPoolIdentityType right) => left.Equals(right);
        public static bool operator !=(BatchPoolIdentityType left, BatchPoolIdentityType right) => !left.Equals(right);
        public static implicit operator BatchPoolIdentityType(string value) => new(value);
    }
}
