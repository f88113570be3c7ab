using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Which users can see a certificate. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchCertificateVisibility>))]
    public readonly struct BatchCertificateVisibility : IExtensibleEnum<BatchCertificateVisibility>, IEquatable<BatchCertificateVisibility>
    {
        public BatchCertificateVisibility(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchCertificateVisibility StartTask { get; } = new("starttask");

        public static BatchCertificateVisibility Task { get; } = new("task");

        public static BatchCertificateVisibility RemoteUser { get; } = new("remoteuser");

        static BatchCertificateVisibility IExtensibleEnum<BatchCertificateVisibility>.FromString(string value) => new(value);

        public bool Equals(BatchCertificateVisibility other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchCertificateVisibility other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchCertificateVisibility left, BatchCertificateVisibility right) => left.Equals(right);
        public static bool operator !=(BatchCertificateVisibility left, BatchCertificateVisibility right) => !left.Equals(right);
        public static implicit operator BatchCertificateVisibility(string value) => new(value);
    }
}
