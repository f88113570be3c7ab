using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>What the service does with a job once all its tasks are complete (OnAllTasksComplete): nothing (the default), or terminate the job. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<OnAllBatchTasksComplete>))]
    public readonly struct OnAllBatchTasksComplete : IExtensibleEnum<OnAllBatchTasksComplete>, IEquatable<OnAllBatchTasksComplete>
    {
        public OnAllBatchTasksComplete(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static OnAllBatchTasksComplete NoAction { get; } = new("noaction");

        public static OnAllBatchTasksComplete TerminateJob { get; } = new("terminatejob");

        static OnAllBatchTasksComplete IExtensibleEnum<OnAllBatchTasksComplete>.FromString(string value) => new(value);

        public bool Equals(OnAllBatchTasksComplete other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is OnAllBatchTasksComplete other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(OnAllBatchTasksComplete left, OnAllBatchTasksComplete right) => left.Equals(right);
        public static bool operator !=(OnAllBatchTasksComplete left, OnAllBatchTasksComplete right) => !left.Equals(right);
        public static implicit operator OnAllBatchTasksComplete(string value) => new(value);
    }
}
