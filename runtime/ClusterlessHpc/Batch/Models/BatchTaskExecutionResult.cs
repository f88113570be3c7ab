using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The result of a task run. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchTaskExecutionResult>))]
    public readonly struct BatchTaskExecutionResult : IExtensibleEnum<BatchTaskExecutionResult>, IEquatable<BatchTaskExecutionResult>
    {
        public BatchTaskExecutionResult(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchTaskExecutionResult Success { get; } = new("success");

        public static BatchTaskExecutionResult Failure { get; } = new("failure");

        static BatchTaskExecutionResult IExtensibleEnum<BatchTaskExecutionResult>.FromString(string value) => new(value);

        public bool Equals(BatchTaskExecutionResult other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchTaskExecutionResult other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchTaskExecutionResult left, BatchTaskExecutionResult right) => left.Equals(right);
        public static bool operator !=(BatchTaskExecutionResult left, BatchTaskExecutionResult right) => !left.Equals(right);
        public static implicit operator BatchTaskExecutionResult(string value) => new(value);
    }
}
