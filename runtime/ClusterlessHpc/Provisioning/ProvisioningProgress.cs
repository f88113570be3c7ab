using System;
using System.Collections.Generic;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>What provisioning a pool is doing now; reported through <see cref="IProgress{T}"/>.</summary>
    public sealed class ProvisioningProgress
    {
        public ProvisioningProgress(string poolId, ProvisioningStage stage, string message)
        {
            PoolId = poolId;
            Stage = stage;
            Message = message;
        }

        public string PoolId { get; }

        public ProvisioningStage Stage { get; }

        /// <summary>One line a person can read, for example "2 idle, 1 starting of 3".</summary>
        public string Message { get; }

        /// <summary>The pool's allocation state at the last poll, when known.</summary>
        public AllocationState? AllocationState { get; init; }

        /// <summary>Node counts by state at the last poll (empty before the first).</summary>
        public IReadOnlyDictionary<BatchNodeState, int> NodesByState { get; init; } = new Dictionary<BatchNodeState, int>();

        /// <summary>Time since provisioning of this pool began.</summary>
        public TimeSpan Elapsed { get; init; }

        public override string ToString() => $"{PoolId}: {Message}";
    }

    /// <summary>The steps of <see cref="PoolProvisioner.ApplyAsync"/>.</summary>
    public enum ProvisioningStage
    {
        Validating,
        Creating,
        AlreadyExists,
        Updating,
        WaitingForNodes,
        Ready,
        Deleting,

        /// <summary>
        /// The pool has stayed below its target longer than <see cref="PoolProvisionerOptions.StallThreshold"/>, or its
        /// formula failed: the message is the root cause and its fix (<see cref="PoolStallExplainer"/>). The wait goes on.
        /// </summary>
        Stalled,
    }
}
