using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Whether Batch verified an image. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<ImageVerificationType>))]
    public readonly struct ImageVerificationType : IExtensibleEnum<ImageVerificationType>, IEquatable<ImageVerificationType>
    {
        public ImageVerificationType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static ImageVerificationType Verified { get; } = new("verified");

        public static ImageVerificationType Unverified { get; } = new("unverified");

        static ImageVerificationType IExtensibleEnum<ImageVerificationType>.FromString(string value) => new(value);

        public bool Equals(ImageVerificationType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is ImageVerificationType other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(ImageVerificationType left, ImageVerificationType right) => left.Equals(right);
        public static bool operator !=(ImageVerificationType left, ImageVerificationType right) => !left.Equals(right);
        public static implicit operator ImageVerificationType(string value) => new(value);
    }
}
