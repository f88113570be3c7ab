namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Automatic OS upgrade settings (AutomaticOSUpgradePolicy).</summary>
    public sealed class AutomaticOsUpgradePolicy
    {
        public bool? DisableAutomaticRollback { get; set; }

        public bool? EnableAutomaticOSUpgrade { get; set; }

        public bool? UseRollingUpgradePolicy { get; set; }

        public bool? OsRollingUpgradeDeferral { get; set; }
    }
}
