using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The protocol of an endpoint. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<InboundEndpointProtocol>))]
    public readonly struct InboundEndpointProtocol : IExtensibleEnum<InboundEndpointProtocol>, IEquatable<InboundEndpointProtocol>
    {
        public InboundEndpointProtocol(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static InboundEndpointProtocol Tcp { get; } = new("tcp");

        public static InboundEndpointProtocol Udp { get; } = new("udp");

        static InboundEndpointProtocol IExtensibleEnum<InboundEndpointProtocol>.FromString(string value) => new(value);

        public bool Equals(InboundEndpointProtocol other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is InboundEndpointProtocol other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(InboundEndpointProtocol left, InboundEndpointProtocol right) => left.Equals(right);
        public static bool operator !=(InboundEndpointProtocol left, InboundEndpointProtocol right) => !left.Equals(right);
        public static implicit operator InboundEndpointProtocol(string value) => new(value);
    }
}
