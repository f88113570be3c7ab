using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The scope of dynamic virtual network assignment. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<DynamicVNetAssignmentScope>))]
    public readonly struct DynamicVNetAssignmentScope : IExtensibleEnum<DynamicVNetAssignmentScope>, IEquatable<DynamicVNetAssignmentScope>
    {
        public DynamicVNetAssignmentScope(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static DynamicVNetAssignmentScope None { get; } = new("none");

        public static DynamicVNetAssignmentScope Job { get; } = new("job");

        static DynamicVNetAssignmentScope IExtensibleEnum<DynamicVNetAssignmentScope>.FromString(string value) => new(value);

        public bool Equals(DynamicVNetAssignmentScope other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is DynamicVNetAssignmentScope other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(DynamicVNetAssignmentScope left, DynamicVNetAssignmentScope right) => left.Equals(right);
        public static bool operator !=(DynamicVNetAssignmentScope left, DynamicVNetAssignmentScope right) => !left.Equals(right);
        public static implicit operator DynamicVNetAssignmentScope(string value) => new(value);
    }
}
