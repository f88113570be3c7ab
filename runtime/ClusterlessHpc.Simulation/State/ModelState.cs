using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterlessHpc.Batch;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The model's saved state: the account's pools, nodes, jobs and tasks as the model holds them (<see cref="SimulatedPool"/>,
    /// <see cref="SimulatedNode"/>, <see cref="SimulatedJob"/> and <see cref="SimulatedTask"/> are their own saved shape),
    /// without anything in flight. The emulator's state file is
    /// this document.
    /// </summary>
    public sealed class ModelState
    {
        public const int CurrentFormat = 1;

        public int Format { get; set; } = CurrentFormat;

        public string AccountName { get; set; } = "";

        public long LastETag { get; set; }

        public int NodeNumbers { get; set; }

        public int Addresses { get; set; }

        public List<SimulatedPool> Pools { get; set; } = [];

        /// <summary>The jobs, each with its tasks.</summary>
        public List<SimulatedJob> Jobs { get; set; } = [];

        /// <summary>Reads a saved state.</summary>
        /// <exception cref="JsonException">The bytes are not a saved state.</exception>
        public static ModelState? Parse(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize(utf8Json, ModelStateJsonContext.Default.ModelState);

        public byte[] ToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(this, ModelStateJsonContext.Default.ModelState);
    }

    /// <summary>A simulated node's file, saved.</summary>
    public sealed class SavedFile
    {
        public string Name { get; set; } = "";
        public byte[] Content { get; set; } = [];
        public DateTimeOffset Created { get; set; }
        public DateTimeOffset Modified { get; set; }
    }

    // Computed properties (a pool's Id, a node's State) are read-only and so not saved.
    [JsonSourceGenerationOptions(
        WriteIndented = true,
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        IgnoreReadOnlyProperties = true,
        UseStringEnumConverter = true,
        Converters = new[] { typeof(Iso8601DurationConverter), typeof(UtcTimestampConverter) })]
    [JsonSerializable(typeof(ModelState))]
    internal sealed partial class ModelStateJsonContext : JsonSerializerContext
    {
    }
}
