using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>An image and node agent the account supports (ImageInformation).</summary>
    public sealed class BatchSupportedImage
    {
        [JsonPropertyName("nodeAgentSKUId")]
        public string NodeAgentSkuId { get; init; } = "";

        public BatchVmImageReference ImageReference { get; init; } = new();

        public OSType OsType { get; init; }

        public IReadOnlyList<string>? Capabilities { get; init; }

        public DateTimeOffset? BatchSupportEndOfLife { get; init; }

        public ImageVerificationType VerificationType { get; init; }
    }
}
