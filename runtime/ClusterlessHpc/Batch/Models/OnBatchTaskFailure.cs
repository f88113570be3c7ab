using System;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>What the service does when a task of the job fails (OnTaskFailure): nothing (the default), or the action of the task's exit conditions. An extensible enum: values the service adds later still round-trip.</summary>
    [JsonConverter(typeof(ExtensibleEnumConverter<OnBatchTaskFailure>))]
    public readonly struct OnBatchTaskFailure : IExtensibleEnum<OnBatchTaskFailure>, IEquatable<OnBatchTaskFailure>
    {
        public OnBatchTaskFailure(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary>The wire value.</summary>
        public string Value { get; }

        public static OnBatchTaskFailure NoAction { get; } = new("noaction");

        public static OnBatchTaskFailure PerformExitOptionsJobAction { get; } = new("performexitoptionsjobaction");

        static OnBatchTaskFailure IExtensibleEnum<OnBatchTaskFailure>.FromString(string value) => new(value);

        public bool Equals(OnBatchTaskFailure other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => obj is OnBatchTaskFailure other && Equals(other);
        public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
        public override string ToString() => Value;
        public static bool operator ==(OnBatchTaskFailure left, OnBatchTaskFailure right) => left.Equals(right);
        public static bool operator !=(OnBatchTaskFailure left, OnBatchTaskFailure right) => !left.Equals(right);
        public static implicit operator OnBatchTaskFailure(string value) => new(value);
    }
}
