using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// The one root cause that keeps a pool below its target, with its fix and the evidence behind it
    /// (<see cref="PoolStallExplainer"/>).
    /// </summary>
    public sealed class PoolStallExplanation
    {
        public PoolStallExplanation(string poolId, StallCause cause, bool isStalled, string summary, string fix, IReadOnlyList<string> evidence)
        {
            PoolId = poolId;
            Cause = cause;
            IsStalled = isStalled;
            Summary = summary;
            Fix = fix;
            Evidence = evidence;
        }

        public string PoolId { get; }

        /// <summary>The cause that wins (<see cref="StallCause.None"/> when nothing holds the pool back).</summary>
        public StallCause Cause { get; }

        /// <summary>
        /// Whether the pool counts as stalled: a cause that waiting does not cure (a resize error, a failed start task,
        /// unusable nodes, a failed or zero-holding formula), or below its target for longer than the stall threshold.
        /// </summary>
        public bool IsStalled { get; }

        /// <summary>One sentence: what holds the pool back, from what the service shows.</summary>
        public string Summary { get; }

        /// <summary>What to do about it.</summary>
        public string Fix { get; }

        /// <summary>Everything the cause was read from, one fact a line (<c>chpc status POOL --explain</c>).</summary>
        public IReadOnlyList<string> Evidence { get; }

        /// <summary>How long the pool has been below its target, when known.</summary>
        public TimeSpan? BelowTargetFor { get; init; }

        /// <summary>The cause as a short phrase for a table's "why" column, such as "quota reached (AccountCoreQuotaReached)".</summary>
        public string ShortReason { get; init; } = "";

        /// <summary>The summary and the fix, or just the summary when there is no cause.</summary>
        public override string ToString() => Cause == StallCause.None ? Summary : $"{Summary} Fix: {Fix}";
    }
}
