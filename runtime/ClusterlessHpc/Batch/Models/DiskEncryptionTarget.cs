using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A disk that can be encrypted. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<DiskEncryptionTarget>))]
    public readonly struct DiskEncryptionTarget : IExtensibleEnum<DiskEncryptionTarget>, IEquatable<DiskEncryptionTarget>
    {
        public DiskEncryptionTarget(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static DiskEncryptionTarget OsDisk { get; } = new("osdisk");

        public static DiskEncryptionTarget TemporaryDisk { get; } = new("temporarydisk");

        static DiskEncryptionTarget IExtensibleEnum<DiskEncryptionTarget>.FromString(string value) => new(value);

        public bool Equals(DiskEncryptionTarget other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is DiskEncryptionTarget other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(DiskEncryptionTarget left, DiskEncryptionTarget right) => left.Equals(right);
        public static bool operator !=(DiskEncryptionTarget left, DiskEncryptionTarget right) => !left.Equals(right);
        public static implicit operator DiskEncryptionTarget(string value) => new(value);
    }
}
