using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>What happens to running tasks when a node leaves a pool. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchNodeDeallocationOption>))]
    public readonly struct BatchNodeDeallocationOption : IExtensibleEnum<BatchNodeDeallocationOption>, IEquatable<BatchNodeDeallocationOption>
    {
        public BatchNodeDeallocationOption(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchNodeDeallocationOption Requeue { get; } = new("requeue");

        public static BatchNodeDeallocationOption Terminate { get; } = new("terminate");

        public static BatchNodeDeallocationOption TaskCompletion { get; } = new("taskcompletion");

        public static BatchNodeDeallocationOption RetainedData { get; } = new("retaineddata");

        static BatchNodeDeallocationOption IExtensibleEnum<BatchNodeDeallocationOption>.FromString(string value) => new(value);

        public bool Equals(BatchNodeDeallocationOption other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchNodeDeallocationOption other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchNodeDeallocationOption left, BatchNodeDeallocationOption right) => left.Equals(right);
        public static bool operator !=(BatchNodeDeallocationOption left, BatchNodeDeallocationOption right) => !left.Equals(right);
        public static implicit operator BatchNodeDeallocationOption(string value) => new(value);
    }
}
