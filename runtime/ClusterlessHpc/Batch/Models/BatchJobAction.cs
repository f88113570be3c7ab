using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>What happens to a task's job when the task exits with a given code (ExitOptions.jobAction). An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchJobAction>))]
    public readonly struct BatchJobAction : IExtensibleEnum<BatchJobAction>, IEquatable<BatchJobAction>
    {
        public BatchJobAction(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchJobAction None { get; } = new("none");

        public static BatchJobAction Disable { get; } = new("disable");

        public static BatchJobAction Terminate { get; } = new("terminate");

        static BatchJobAction IExtensibleEnum<BatchJobAction>.FromString(string value) => new(value);

        public bool Equals(BatchJobAction other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchJobAction other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchJobAction left, BatchJobAction right) => left.Equals(right);
        public static bool operator !=(BatchJobAction left, BatchJobAction right) => !left.Equals(right);
        public static implicit operator BatchJobAction(string value) => new(value);
    }
}
