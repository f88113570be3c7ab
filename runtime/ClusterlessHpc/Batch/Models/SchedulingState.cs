using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Whether a node takes tasks. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<SchedulingState>))]
    public readonly struct SchedulingState : IExtensibleEnum<SchedulingState>, IEquatable<SchedulingState>
    {
        public SchedulingState(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static SchedulingState Enabled { get; } = new("enabled");

        public static SchedulingState Disabled { get; } = new("disabled");

        static SchedulingState IExtensibleEnum<SchedulingState>.FromString(string value) => new(value);

        public bool Equals(SchedulingState other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is SchedulingState other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(SchedulingState left, SchedulingState right) => left.Equals(right);
        public static bool operator !=(SchedulingState left, SchedulingState right) => !left.Equals(right);
        public static implicit operator SchedulingState(string value) => new(value);
    }
}
