using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>How adding one task of a collection went (TaskAddStatus). The service writes it in any case (<c>Success</c>, <c>ClientError</c>); it compares case-insensitively. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchTaskAddStatus>))]
    public readonly struct BatchTaskAddStatus : IExtensibleEnum<BatchTaskAddStatus>, IEquatable<BatchTaskAddStatus>
    {
        public BatchTaskAddStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchTaskAddStatus Success { get; } = new("success");

        public static BatchTaskAddStatus ClientError { get; } = new("clienterror");

        public static BatchTaskAddStatus ServerError { get; } = new("servererror");

        static BatchTaskAddStatus IExtensibleEnum<BatchTaskAddStatus>.FromString(string value) => new(value);

        public bool Equals(BatchTaskAddStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchTaskAddStatus other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchTaskAddStatus left, BatchTaskAddStatus right) => left.Equals(right);
        public static bool operator !=(BatchTaskAddStatus left, BatchTaskAddStatus right) => !left.Equals(right);
        public static implicit operator BatchTaskAddStatus(string value) => new(value);
    }
}
