using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>How nodes communicate with the Batch service. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchNodeCommunicationMode>))]
    public readonly struct BatchNodeCommunicationMode : IExtensibleEnum<BatchNodeCommunicationMode>, IEquatable<BatchNodeCommunicationMode>
    {
        public BatchNodeCommunicationMode(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchNodeCommunicationMode Default { get; } = new("default");

        public static BatchNodeCommunicationMode Classic { get; } = new("classic");

        public static BatchNodeCommunicationMode Simplified { get; } = new("simplified");

        static BatchNodeCommunicationMode IExtensibleEnum<BatchNodeCommunicationMode>.FromString(string value) => new(value);

        public bool Equals(BatchNodeCommunicationMode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchNodeCommunicationMode other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchNodeCommunicationMode left, BatchNodeCommunicationMode right) => left.Equals(right);
        public static bool operator !=(BatchNodeCommunicationMode left, BatchNodeCommunicationMode right) => !left.Equals(right);
        public static implicit operator BatchNodeCommunicationMode(string value) => new(value);
    }
}
