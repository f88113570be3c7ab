using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The state of a node's start task. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchStartTaskState>))]
    public readonly struct BatchStartTaskState : IExtensibleEnum<BatchStartTaskState>, IEquatable<BatchStartTaskState>
    {
        public BatchStartTaskState(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchStartTaskState Running { get; } = new("running");

        public static BatchStartTaskState Completed { get; } = new("completed");

        static BatchStartTaskState IExtensibleEnum<BatchStartTaskState>.FromString(string value) => new(value);

        public bool Equals(BatchStartTaskState other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchStartTaskState other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchStartTaskState left, BatchStartTaskState right) => left.Equals(right);
        public static bool operator !=(BatchStartTaskState left, BatchStartTaskState right) => !left.Equals(right);
        public static implicit operator BatchStartTaskState(string value) => new(value);
    }
}
