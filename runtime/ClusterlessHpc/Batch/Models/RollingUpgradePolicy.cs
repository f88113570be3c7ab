using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Rolling upgrade settings.</summary>
    public sealed class RollingUpgradePolicy
    {
        public bool? EnableCrossZoneUpgrade { get; set; }

        public int? MaxBatchInstancePercent { get; set; }

        public int? MaxUnhealthyInstancePercent { get; set; }

        public int? MaxUnhealthyUpgradedInstancePercent { get; set; }

        public TimeSpan? PauseTimeBetweenBatches { get; set; }

        public bool? PrioritizeUnhealthyInstances { get; set; }

        public bool? RollbackFailedInstancesOnPolicyBreach { get; set; }
    }
}
