using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Where an ephemeral OS disk is placed. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<DiffDiskPlacement>))]
    public readonly struct DiffDiskPlacement : IExtensibleEnum<DiffDiskPlacement>, IEquatable<DiffDiskPlacement>
    {
        public DiffDiskPlacement(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static DiffDiskPlacement CacheDisk { get; } = new("CacheDisk");

        static DiffDiskPlacement IExtensibleEnum<DiffDiskPlacement>.FromString(string value) => new(value);

        public bool Equals(DiffDiskPlacement other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is DiffDiskPlacement other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(DiffDiskPlacement left, DiffDiskPlacement right) => left.Equals(right);
        public static bool operator !=(DiffDiskPlacement left, DiffDiskPlacement right) => !left.Equals(right);
        public static implicit operator DiffDiskPlacement(string value) => new(value);
    }
}
