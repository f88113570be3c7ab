using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The state of a pool. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchPoolState>))]
    public readonly struct BatchPoolState : IExtensibleEnum<BatchPoolState>, IEquatable<BatchPoolState>
    {
        public BatchPoolState(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchPoolState Active { get; } = new("active");

        public static BatchPoolState Deleting { get; } = new("deleting");

        static BatchPoolState IExtensibleEnum<BatchPoolState>.FromString(string value) => new(value);

        public bool Equals(BatchPoolState other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchPoolState other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchPoolState left, BatchPoolState right) => left.Equals(right);
        public static bool operator !=(BatchPoolState left, BatchPoolState right) => !left.Equals(right);
        public static implicit operator BatchPoolState(string value) => new(value);
    }
}
