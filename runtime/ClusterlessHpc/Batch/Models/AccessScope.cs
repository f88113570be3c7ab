using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>What a task's authentication token grants access to (AccessScope): only <c>job</c>, all operations on the task's job. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<AccessScope>))]
    public readonly struct AccessScope : IExtensibleEnum<AccessScope>, IEquatable<AccessScope>
    {
        public AccessScope(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static AccessScope Job { get; } = new("job");

        static AccessScope IExtensibleEnum<AccessScope>.FromString(string value) => new(value);

        public bool Equals(AccessScope other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is AccessScope other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(AccessScope left, AccessScope right) => left.Equals(right);
        public static bool operator !=(AccessScope left, AccessScope right) => !left.Equals(right);
        public static implicit operator AccessScope(string value) => new(value);
    }
}
