using System;
using System.Linq;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>A pool with the definition's id exists but differs from it; the plan lists each differing property.</summary>
    public sealed class PoolDriftException : Exception
    {
        public PoolDriftException(PoolPlan plan)
            : base($"Pool '{plan.PoolId}' already exists but differs from its definition:" +
                   string.Concat(plan.Differences.Select(d => "\n  " + d)) +
                   (plan.CanUpdateInPlace
                       ? $"\nApply with {nameof(DriftPolicy)}.{nameof(DriftPolicy.UpdateInPlace)} to change it" +
                         (plan.ChangesStartTask ? " (existing nodes get the new start task when rebooted or reimaged)" : "") +
                         $", or {nameof(DriftPolicy)}.{nameof(DriftPolicy.Recreate)} to replace it."
                       : $"\nThese properties need a new pool: apply with {nameof(DriftPolicy)}.{nameof(DriftPolicy.Recreate)}, or delete the pool."))
        {
            Plan = plan;
        }

        public PoolPlan Plan { get; }

        public string PoolId => Plan.PoolId;
    }
}
