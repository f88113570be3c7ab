using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Where a container task starts. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<ContainerWorkingDirectory>))]
    public readonly struct ContainerWorkingDirectory : IExtensibleEnum<ContainerWorkingDirectory>, IEquatable<ContainerWorkingDirectory>
    {
        public ContainerWorkingDirectory(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static ContainerWorkingDirectory TaskWorkingDirectory { get; } = new("taskWorkingDirectory");

        public static ContainerWorkingDirectory ContainerImageDefault { get; } = new("containerImageDefault");

        static ContainerWorkingDirectory IExtensibleEnum<ContainerWorkingDirectory>.FromString(string value) => new(value);

        public bool Equals(ContainerWorkingDirectory other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is ContainerWorkingDirectory other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(ContainerWorkingDirectory left, ContainerWorkingDirectory right) => left.Equals(right);
        public static bool operator !=(ContainerWorkingDirectory left, ContainerWorkingDirectory right) => !left.Equals(right);
        public static implicit operator ContainerWorkingDirectory(string value) => new(value);
    }
}
