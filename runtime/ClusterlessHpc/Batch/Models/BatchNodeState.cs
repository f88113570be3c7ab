using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The state of a compute node. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<BatchNodeState>))]
    public readonly struct BatchNodeState : IExtensibleEnum<BatchNodeState>, IEquatable<BatchNodeState>
    {
        public BatchNodeState(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static BatchNodeState Idle { get; } = new("idle");

        public static BatchNodeState Rebooting { get; } = new("rebooting");

        public static BatchNodeState Reimaging { get; } = new("reimaging");

        public static BatchNodeState Running { get; } = new("running");

        public static BatchNodeState Unusable { get; } = new("unusable");

        public static BatchNodeState Creating { get; } = new("creating");

        public static BatchNodeState Starting { get; } = new("starting");

        public static BatchNodeState WaitingForStartTask { get; } = new("waitingforstarttask");

        public static BatchNodeState StartTaskFailed { get; } = new("starttaskfailed");

        public static BatchNodeState Unknown { get; } = new("unknown");

        public static BatchNodeState LeavingPool { get; } = new("leavingpool");

        public static BatchNodeState Offline { get; } = new("offline");

        public static BatchNodeState Preempted { get; } = new("preempted");

        public static BatchNodeState UpgradingOS { get; } = new("upgradingos");

        public static BatchNodeState Deallocated { get; } = new("deallocated");

        public static BatchNodeState Deallocating { get; } = new("deallocating");

        static BatchNodeState IExtensibleEnum<BatchNodeState>.FromString(string value) => new(value);

        public bool Equals(BatchNodeState other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is BatchNodeState other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(BatchNodeState left, BatchNodeState right) => left.Equals(right);
        public static bool operator !=(BatchNodeState left, BatchNodeState right) => !left.Equals(right);
        public static implicit operator BatchNodeState(string value) => new(value);
    }
}
