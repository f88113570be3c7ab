using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>What happens to running tasks when a node is reimaged. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchNodeReimageOption>))]
    public readonly struct BatchNodeReimageOption : IExtensibleEnum<BatchNodeReimageOption>, IEquatable<BatchNodeReimageOption>
    {
        public BatchNodeReimageOption(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchNodeReimageOption Requeue { get; } = new("requeue");

        public static BatchNodeReimageOption Terminate { get; } = new("terminate");

        public static BatchNodeReimageOption TaskCompletion { get; } = new("taskcompletion");

        public static BatchNodeReimageOption RetainedData { get; } = new("retaineddata");

        static BatchNodeReimageOption IExtensibleEnum<BatchNodeReimageOption>.FromString(string value) => new(value);

        public bool Equals(BatchNodeReimageOption other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchNodeReimageOption other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchNodeReimageOption left, BatchNodeReimageOption right) => left.Equals(right);
        public static bool operator !=(BatchNodeReimageOption left, BatchNodeReimageOption right) => !left.Equals(right);
        public static implicit operator BatchNodeReimageOption(string value) => new(value);
    }
}
