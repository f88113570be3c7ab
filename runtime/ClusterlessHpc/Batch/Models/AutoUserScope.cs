using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The scope of an auto user. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<AutoUserScope>))]
    public readonly struct AutoUserScope : IExtensibleEnum<AutoUserScope>, IEquatable<AutoUserScope>
    {
        public AutoUserScope(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static AutoUserScope Task { get; } = new("task");

        public static AutoUserScope Pool { get; } = new("pool");

        static AutoUserScope IExtensibleEnum<AutoUserScope>.FromString(string value) => new(value);

        public bool Equals(AutoUserScope other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is AutoUserScope other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(AutoUserScope left, AutoUserScope right) => left.Equals(right);
        public static bool operator !=(AutoUserScope left, AutoUserScope right) => !left.Equals(right);
        public static implicit operator AutoUserScope(string value) => new(value);
    }
}
