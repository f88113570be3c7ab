using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The state of a task. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchTaskState>))]
    public readonly struct BatchTaskState : IExtensibleEnum<BatchTaskState>, IEquatable<BatchTaskState>
    {
        public BatchTaskState(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchTaskState Active { get; } = new("active");

        public static BatchTaskState Preparing { get; } = new("preparing");

        public static BatchTaskState Running { get; } = new("running");

        public static BatchTaskState Completed { get; } = new("completed");

        static BatchTaskState IExtensibleEnum<BatchTaskState>.FromString(string value) => new(value);

        public bool Equals(BatchTaskState other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchTaskState other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchTaskState left, BatchTaskState right) => left.Equals(right);
        public static bool operator !=(BatchTaskState left, BatchTaskState right) => !left.Equals(right);
        public static implicit operator BatchTaskState(string value) => new(value);
    }
}
