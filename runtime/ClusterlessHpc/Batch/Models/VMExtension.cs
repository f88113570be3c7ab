using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A VM extension installed on each node.</summary>
    public sealed class VMExtension
    {
        public string Name { get; set; } = "";

        public string Publisher { get; set; } = "";

        public string Type { get; set; } = "";

        public string? TypeHandlerVersion { get; set; }

        public bool? AutoUpgradeMinorVersion { get; set; }

        public bool? EnableAutomaticUpgrade { get; set; }

        /// <summary>A JSON object; the service's own example sends it as a string of JSON, so either form is kept as sent.</summary>
        public JsonNode? Settings { get; set; }

        /// <summary>A JSON object the service encrypts and never returns.</summary>
        public JsonNode? ProtectedSettings { get; set; }

        public IList<string>? ProvisionAfterExtensions { get; set; }
    }
}
