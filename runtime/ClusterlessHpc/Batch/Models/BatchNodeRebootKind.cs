using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>What happens to running tasks when a node reboots. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchNodeRebootKind>))]
    public readonly struct BatchNodeRebootKind : IExtensibleEnum<BatchNodeRebootKind>, IEquatable<BatchNodeRebootKind>
    {
        public BatchNodeRebootKind(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchNodeRebootKind Requeue { get; } = new("requeue");

        public static BatchNodeRebootKind Terminate { get; } = new("terminate");

        public static BatchNodeRebootKind TaskCompletion { get; } = new("taskcompletion");

        public static BatchNodeRebootKind RetainedData { get; } = new("retaineddata");

        static BatchNodeRebootKind IExtensibleEnum<BatchNodeRebootKind>.FromString(string value) => new(value);

        public bool Equals(BatchNodeRebootKind other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchNodeRebootKind other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchNodeRebootKind left, BatchNodeRebootKind right) => left.Equals(right);
        public static bool operator !=(BatchNodeRebootKind left, BatchNodeRebootKind right) => !left.Equals(right);
        public static implicit operator BatchNodeRebootKind(string value) => new(value);
    }
}
