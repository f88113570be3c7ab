using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Whether a pool is resizing. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<AllocationState>))]
    public readonly struct AllocationState : IExtensibleEnum<AllocationState>, IEquatable<AllocationState>
    {
        public AllocationState(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static AllocationState Steady { get; } = new("steady");

        public static AllocationState Resizing { get; } = new("resizing");

        public static AllocationState Stopping { get; } = new("stopping");

        static AllocationState IExtensibleEnum<AllocationState>.FromString(string value) => new(value);

        public bool Equals(AllocationState other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is AllocationState other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(AllocationState left, AllocationState right) => left.Equals(right);
        public static bool operator !=(AllocationState left, AllocationState right) => !left.Equals(right);
        public static implicit operator AllocationState(string value) => new(value);
    }
}
