using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Whether tasks are spread over nodes or packed onto each. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchNodeFillType>))]
    public readonly struct BatchNodeFillType : IExtensibleEnum<BatchNodeFillType>, IEquatable<BatchNodeFillType>
    {
        public BatchNodeFillType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchNodeFillType Spread { get; } = new("spread");

        public static BatchNodeFillType Pack { get; } = new("pack");

        static BatchNodeFillType IExtensibleEnum<BatchNodeFillType>.FromString(string value) => new(value);

        public bool Equals(BatchNodeFillType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchNodeFillType other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchNodeFillType left, BatchNodeFillType right) => left.Equals(right);
        public static bool operator !=(BatchNodeFillType left, BatchNodeFillType right) => !left.Equals(right);
        public static implicit operator BatchNodeFillType(string value) => new(value);
    }
}
