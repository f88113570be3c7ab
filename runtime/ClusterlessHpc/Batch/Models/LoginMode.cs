using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The Windows login mode of a user. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<LoginMode>))]
    public readonly struct LoginMode : IExtensibleEnum<LoginMode>, IEquatable<LoginMode>
    {
        public LoginMode(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static LoginMode Batch { get; } = new("batch");

        public static LoginMode Interactive { get; } = new("interactive");

        static LoginMode IExtensibleEnum<LoginMode>.FromString(string value) => new(value);

        public bool Equals(LoginMode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is LoginMode other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(LoginMode left, LoginMode right) => left.Equals(right);
        public static bool operator !=(LoginMode left, LoginMode right) => !left.Equals(right);
        public static implicit operator LoginMode(string value) => new(value);
    }
}
