using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The state of a job (JobState). An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchJobState>))]
    public readonly struct BatchJobState : IExtensibleEnum<BatchJobState>, IEquatable<BatchJobState>
    {
        public BatchJobState(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchJobState Active { get; } = new("active");

        public static BatchJobState Disabling { get; } = new("disabling");

        public static BatchJobState Disabled { get; } = new("disabled");

        public static BatchJobState Enabling { get; } = new("enabling");

        public static BatchJobState Terminating { get; } = new("terminating");

        public static BatchJobState Completed { get; } = new("completed");

        public static BatchJobState Deleting { get; } = new("deleting");

        static BatchJobState IExtensibleEnum<BatchJobState>.FromString(string value) => new(value);

        public bool Equals(BatchJobState other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchJobState other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchJobState left, BatchJobState right) => left.Equals(right);
        public static bool operator !=(BatchJobState left, BatchJobState right) => !left.Equals(right);
        public static implicit operator BatchJobState(string value) => new(value);
    }
}
