using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The container runtime of a pool. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<ContainerType>))]
    public readonly struct ContainerType : IExtensibleEnum<ContainerType>, IEquatable<ContainerType>
    {
        public ContainerType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static ContainerType DockerCompatible { get; } = new("dockerCompatible");

        public static ContainerType CriCompatible { get; } = new("criCompatible");

        static ContainerType IExtensibleEnum<ContainerType>.FromString(string value) => new(value);

        public bool Equals(ContainerType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is ContainerType other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(ContainerType left, ContainerType right) => left.Equals(right);
        public static bool operator !=(ContainerType left, ContainerType right) => !left.Equals(right);
        public static implicit operator ContainerType(string value) => new(value);
    }
}
