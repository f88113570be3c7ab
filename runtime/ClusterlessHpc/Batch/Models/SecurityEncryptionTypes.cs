using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The encryption of a confidential VM's managed disk. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<SecurityEncryptionTypes>))]
    public readonly struct SecurityEncryptionTypes : IExtensibleEnum<SecurityEncryptionTypes>, IEquatable<SecurityEncryptionTypes>
    {
        public SecurityEncryptionTypes(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static SecurityEncryptionTypes NonPersistedTPM { get; } = new("NonPersistedTPM");

        public static SecurityEncryptionTypes VMGuestStateOnly { get; } = new("VMGuestStateOnly");

        static SecurityEncryptionTypes IExtensibleEnum<SecurityEncryptionTypes>.FromString(string value) => new(value);

        public bool Equals(SecurityEncryptionTypes other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is SecurityEncryptionTypes other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(SecurityEncryptionTypes left, SecurityEncryptionTypes right) => left.Equals(right);
        public static bool operator !=(SecurityEncryptionTypes left, SecurityEncryptionTypes right) => !left.Equals(right);
        public static implicit operator SecurityEncryptionTypes(string value) => new(value);
    }
}
