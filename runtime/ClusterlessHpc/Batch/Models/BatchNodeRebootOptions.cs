using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The body of the reboot-node request (NodeRebootParameter).</summary>
    public sealed class BatchNodeRebootOptions
    {
        [JsonPropertyName("nodeRebootOption")]
        public BatchNodeRebootKind? NodeRebootKind { get; set; }
    }
}
