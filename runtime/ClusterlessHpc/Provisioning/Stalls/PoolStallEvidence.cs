using System;
using System.Collections.Generic;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>What the service shows about a pool that a stall explanation is read from (<see cref="PoolStallExplainer.GatherAsync"/>).</summary>
    public sealed class PoolStallEvidence
    {
        public PoolStallEvidence(BatchPool pool, IReadOnlyList<BatchNode> nodes, DateTimeOffset observedAt)
        {
            Pool = pool ?? throw new ArgumentNullException(nameof(pool));
            Nodes = nodes ?? throw new ArgumentNullException(nameof(nodes));
            ObservedAt = observedAt;
        }

        /// <summary>The pool: allocation, targets, resize errors, autoscale run.</summary>
        public BatchPool Pool { get; }

        /// <summary>The pool's nodes, with their states, start task info and errors.</summary>
        public IReadOnlyList<BatchNode> Nodes { get; }

        /// <summary>When the evidence was read.</summary>
        public DateTimeOffset ObservedAt { get; }

        /// <summary>Since when the pool has had fewer usable nodes than its target, when known.</summary>
        public DateTimeOffset? BelowTargetSince { get; init; }

        /// <summary>This pool's node counts by state (GET /nodecounts), when read.</summary>
        public BatchPoolNodeCounts? PoolNodeCounts { get; init; }

        /// <summary>Every pool's node counts (GET /nodecounts), for the account's totals, when read.</summary>
        public IReadOnlyList<BatchPoolNodeCounts>? AccountNodeCounts { get; init; }

        /// <summary>Tasks waiting (<c>active</c>) in the active jobs on the pool, when read (autoscale pools).</summary>
        public int? PendingTasks { get; init; }

        /// <summary>The active jobs on the pool with waiting tasks.</summary>
        public IReadOnlyList<string> PendingJobs { get; init; } = [];
    }
}
