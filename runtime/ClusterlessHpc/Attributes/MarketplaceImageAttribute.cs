using System;

namespace ClusterlessHpc
{
    /// <summary>A marketplace image for the nodes; without an image attribute the catalogue's current Ubuntu LTS is used.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class MarketplaceImageAttribute : Attribute
    {
        public MarketplaceImageAttribute(string publisher, string offer, string sku)
        {
            Publisher = publisher;
            Offer = offer;
            Sku = sku;
        }

        public string Publisher { get; }
        public string Offer { get; }
        public string Sku { get; }

        public string Version { get; set; } = "latest";

        /// <summary>The node agent SKU; taken from the image catalogue when omitted.</summary>
        public string? NodeAgentSku { get; set; }
    }
}
