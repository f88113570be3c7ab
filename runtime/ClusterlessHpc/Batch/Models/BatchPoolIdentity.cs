using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The user-assigned identities of a pool (set through the management plane only).</summary>
    public sealed class BatchPoolIdentity
    {
        public BatchPoolIdentityType Type { get; init; }

        public IReadOnlyList<BatchUserAssignedIdentity>? UserAssignedIdentities { get; init; }
    }
}
