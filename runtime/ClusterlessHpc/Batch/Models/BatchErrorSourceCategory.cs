using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Who caused an error. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchErrorSourceCategory>))]
    public readonly struct BatchErrorSourceCategory : IExtensibleEnum<BatchErrorSourceCategory>, IEquatable<BatchErrorSourceCategory>
    {
        public BatchErrorSourceCategory(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchErrorSourceCategory UserError { get; } = new("usererror");

        public static BatchErrorSourceCategory ServerError { get; } = new("servererror");

        static BatchErrorSourceCategory IExtensibleEnum<BatchErrorSourceCategory>.FromString(string value) => new(value);

        public bool Equals(BatchErrorSourceCategory other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchErrorSourceCategory other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchErrorSourceCategory left, BatchErrorSourceCategory right) => left.Equals(right);
        public static bool operator !=(BatchErrorSourceCategory left, BatchErrorSourceCategory right) => !left.Equals(right);
        public static implicit operator BatchErrorSourceCategory(string value) => new(value);
    }
}
