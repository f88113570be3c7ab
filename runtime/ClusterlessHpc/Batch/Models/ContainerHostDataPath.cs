using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A node directory that can be mounted into a task container. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<ContainerHostDataPath>))]
    public readonly struct ContainerHostDataPath : IExtensibleEnum<ContainerHostDataPath>, IEquatable<ContainerHostDataPath>
    {
        public ContainerHostDataPath(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static ContainerHostDataPath Shared { get; } = new("Shared");

        public static ContainerHostDataPath Startup { get; } = new("Startup");

        public static ContainerHostDataPath VfsMounts { get; } = new("VfsMounts");

        public static ContainerHostDataPath Task { get; } = new("Task");

        public static ContainerHostDataPath JobPrep { get; } = new("JobPrep");

        public static ContainerHostDataPath Applications { get; } = new("Applications");

        static ContainerHostDataPath IExtensibleEnum<ContainerHostDataPath>.FromString(string value) => new(value);

        public bool Equals(ContainerHostDataPath other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is ContainerHostDataPath other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(ContainerHostDataPath left, ContainerHostDataPath right) => left.Equals(right);
        public static bool operator !=(ContainerHostDataPath left, ContainerHostDataPath right) => !left.Equals(right);
        public static implicit operator ContainerHostDataPath(string value) => new(value);
    }
}
