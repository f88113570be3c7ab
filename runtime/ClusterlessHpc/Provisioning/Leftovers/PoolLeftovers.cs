using System;
using System.Collections.Generic;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// What a source's declarations left behind in one account (<see cref="PoolProvisioner.FindLeftoversAsync"/>): the pools
    /// that name the source as their owner but that its declarations no longer declare, and that source's jobs on those
    /// pools or completed long ago.
    /// </summary>
    public sealed class PoolLeftovers
    {
        public PoolLeftovers(string source, IReadOnlyList<LeftoverPool> pools, IReadOnlyList<LeftoverJob> jobs)
        {
            Source = source;
            Pools = pools;
            Jobs = jobs;
        }

        /// <summary>The owner looked for: the declaring assembly's or parameters file's name.</summary>
        public string Source { get; }

        public IReadOnlyList<LeftoverPool> Pools { get; }

        public IReadOnlyList<LeftoverJob> Jobs { get; }

        /// <summary>Nothing was left behind.</summary>
        public bool IsEmpty => Pools.Count == 0 && Jobs.Count == 0;
    }

    /// <summary>A pool its owner no longer declares, with its nodes and age.</summary>
    public sealed record LeftoverPool(string PoolId, int DedicatedNodes, int LowPriorityNodes, DateTimeOffset? CreationTime)
    {
        /// <summary>How old the pool is at <paramref name="now"/>, when its creation time is known.</summary>
        public TimeSpan? Age(DateTimeOffset now) => CreationTime is { } created ? now - created : null;
    }

    /// <summary>A job of the owner that is left behind, and why: it runs on a leftover pool, or it completed long ago.</summary>
    public sealed record LeftoverJob(string JobId, string? PoolId, BatchJobState? State, DateTimeOffset? CreationTime, DateTimeOffset? EndTime, string Reason)
    {
        /// <summary>How old the job is at <paramref name="now"/>, when its creation time is known.</summary>
        public TimeSpan? Age(DateTimeOffset now) => CreationTime is { } created ? now - created : null;
    }
}
