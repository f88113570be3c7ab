using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>How OS upgrades reach the nodes.</summary>
    public sealed class UpgradePolicy
    {
        public UpgradeMode Mode { get; set; }

        [JsonPropertyName("automaticOSUpgradePolicy")]
        public AutomaticOsUpgradePolicy? AutomaticOsUpgradePolicy { get; set; }

        public RollingUpgradePolicy? RollingUpgradePolicy { get; set; }
    }
}
