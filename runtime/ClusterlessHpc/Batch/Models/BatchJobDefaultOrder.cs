using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// The order in which a pool runs the tasks of different jobs with the same priority (from api-version 2025-06-01;
    /// the default, <c>none</c>, spreads them uniformly). An extensible enum: values the service adds later still round-trip.
    /// </summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchJobDefaultOrder>))]
    public readonly struct BatchJobDefaultOrder : IExtensibleEnum<BatchJobDefaultOrder>, IEquatable<BatchJobDefaultOrder>
    {
        public BatchJobDefaultOrder(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchJobDefaultOrder None { get; } = new("none");

        public static BatchJobDefaultOrder CreationTime { get; } = new("creationTime");

        static BatchJobDefaultOrder IExtensibleEnum<BatchJobDefaultOrder>.FromString(string value) => new(value);

        public bool Equals(BatchJobDefaultOrder other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchJobDefaultOrder other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchJobDefaultOrder left, BatchJobDefaultOrder right) => left.Equals(right);
        public static bool operator !=(BatchJobDefaultOrder left, BatchJobDefaultOrder right) => !left.Equals(right);
        public static implicit operator BatchJobDefaultOrder(string value) => new(value);
    }
}
