using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Where a certificate is installed on Windows nodes. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchCertificateStoreLocation>))]
    public readonly struct BatchCertificateStoreLocation : IExtensibleEnum<BatchCertificateStoreLocation>, IEquatable<BatchCertificateStoreLocation>
    {
        public BatchCertificateStoreLocation(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchCertificateStoreLocation CurrentUser { get; } = new("currentuser");

        public static BatchCertificateStoreLocation LocalMachine { get; } = new("localmachine");

        static BatchCertificateStoreLocation IExtensibleEnum<BatchCertificateStoreLocation>.FromString(string value) => new(value);

        public bool Equals(BatchCertificateStoreLocation other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchCertificateStoreLocation other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchCertificateStoreLocation left, BatchCertificateStoreLocation right) => left.Equals(right);
        public static bool operator !=(BatchCertificateStoreLocation left, BatchCertificateStoreLocation right) => !left.Equals(right);
        public static implicit operator BatchCertificateStoreLocation(string value) => new(value);
    }
}
