using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Simulation;

namespace ClusterlessHpc.Emulator.State
{
    /// <summary>
    /// A pool as the emulator holds it: the add request as received plus server state. Immutable: a change replaces
    /// the record in <see cref="PoolStore"/>, so a request reads one consistent version without locking.
    /// </summary>
    internal sealed record EmulatedPool
    {
        /// <summary>The add-pool body, validated. Never changed after the pool is stored.</summary>
        public required BatchPoolCreateOptions Spec { get; init; }

        /// <summary>The request's <c>taskSchedulingPolicy</c>, which the runtime's model does not carry, to echo it back.</summary>
        public JsonElement? TaskSchedulingPolicy { get; init; }

        public required DateTimeOffset CreationTime { get; init; }

        /// <summary>The last time the pool's own settings changed (not its nodes or allocation), as the service defines it.</summary>
        public required DateTimeOffset LastModified { get; init; }

        public required string ETag { get; init; }

        /// <summary>Set by delete: the pool is <c>deleting</c> from then until the delete delay has passed.</summary>
        public DateTimeOffset? DeleteRequestedAt { get; init; }

        public required IReadOnlyList<EmulatedNode> Nodes { get; init; }

        /// <summary>How the pool's start task ends, decided in the background; null when the pool has no start task.</summary>
        public Task<StartTaskResult>? StartTaskResult { get; init; }

        public string Id => Spec.Id;

        public bool IsDeleting => DeleteRequestedAt is not null;
    }
}
