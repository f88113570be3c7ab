namespace ClusterlessHpc.Images
{
    /// <summary>The marketplace images ClusterlessHpc knows; the default is the current Ubuntu LTS with its node agent.</summary>
    public static class ImageCatalogue
    {
        /// <summary>Ubuntu 24.04 LTS, the current Batch-supported Ubuntu (the 18.04 and 20.04 agents are retired).</summary>
        public static MarketplaceImageInfo DefaultLinux { get; } = new(
            "canonical", "ubuntu-24_04-lts", "server", "latest", "batch.node.ubuntu 24.04");
    }

    /// <summary>A marketplace image reference and the node agent SKU that matches it.</summary>
    public sealed class MarketplaceImageInfo
    {
        public MarketplaceImageInfo(string publisher, string offer, string sku, string version, string nodeAgentSkuId)
        {
            Publisher = publisher;
            Offer = offer;
            Sku = sku;
            Version = version;
            NodeAgentSkuId = nodeAgentSkuId;
        }

        public string Publisher { get; }
        public string Offer { get; }
        public string Sku { get; }
        public string Version { get; }
        public string NodeAgentSkuId { get; }
    }
}
