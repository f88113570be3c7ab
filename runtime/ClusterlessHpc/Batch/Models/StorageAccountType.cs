using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The storage account type of a managed disk. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<StorageAccountType>))]
    public readonly struct StorageAccountType : IExtensibleEnum<StorageAccountType>, IEquatable<StorageAccountType>
    {
        public StorageAccountType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static StorageAccountType StandardLRS { get; } = new("standard_lrs");

        public static StorageAccountType PremiumLRS { get; } = new("premium_lrs");

        public static StorageAccountType StandardSSDLRS { get; } = new("standardssd_lrs");

        static StorageAccountType IExtensibleEnum<StorageAccountType>.FromString(string value) => new(value);

        public bool Equals(StorageAccountType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is StorageAccountType other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(StorageAccountType left, StorageAccountType right) => left.Equals(right);
        public static bool operator !=(StorageAccountType left, StorageAccountType right) => !left.Equals(right);
        public static implicit operator StorageAccountType(string value) => new(value);
    }
}
