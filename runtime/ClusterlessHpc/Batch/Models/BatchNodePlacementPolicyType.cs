using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Whether nodes are placed in one zone or across zones. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchNodePlacementPolicyType>))]
    public readonly struct BatchNodePlacementPolicyType : IExtensibleEnum<BatchNodePlacementPolicyType>, IEquatable<BatchNodePlacementPolicyType>
    {
        public BatchNodePlacementPolicyType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchNodePlacementPolicyType Regional { get; } = new("regional");

        public static BatchNodePlacementPolicyType Zonal { get; } = new("zonal");

        static BatchNodePlacementPolicyType IExtensibleEnum<BatchNodePlacementPolicyType>.FromString(string value) => new(value);

        public bool Equals(BatchNodePlacementPolicyType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchNodePlacementPolicyType other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchNodePlacementPolicyType left, BatchNodePlacementPolicyType right) => left.Equals(right);
        public static bool operator !=(BatchNodePlacementPolicyType left, BatchNodePlacementPolicyType right) => !left.Equals(right);
        public static implicit operator BatchNodePlacementPolicyType(string value) => new(value);
    }
}
