namespace ClusterlessHpc
{
    /// <summary>The VM image of a pool's nodes: a marketplace image or a custom (gallery) image.</summary>
    public abstract record ImageDefinition
    {
        private protected ImageDefinition()
        {
        }

        /// <summary>The node agent SKU; null to take it from the image catalogue (marketplace images only).</summary>
        public string? NodeAgentSku { get; init; }
    }

    /// <summary>A marketplace image, for example <c>canonical / ubuntu-24_04-lts / server</c>.</summary>
    public sealed record MarketplaceImageDefinition(string Publisher, string Offer, string Sku) : ImageDefinition
    {
        public string Version { get; init; } = "latest";

        public override string ToString() => $"{Publisher}:{Offer}:{Sku}:{Version}";
    }

    /// <summary>
    /// A custom image: an Azure Compute Gallery image or version id (<c>/subscriptions/.../galleries/...</c>), or a
    /// direct-shared gallery image id (<c>/SharedGalleries/...</c>). With <c>[Julia]</c>, Julia is on the image:
    /// <see cref="JuliaDepotPath"/> says where its depot is.
    /// </summary>
    public sealed record CustomImageDefinition(string ImageId) : ImageDefinition
    {
        /// <summary>The Julia depot on the image (<c>JULIA_DEPOT_PATH</c> for the launcher and the tasks).</summary>
        public string? JuliaDepotPath { get; init; }

        /// <summary>Whether <see cref="ImageId"/> names a direct-shared gallery image rather than a gallery image in the subscription.</summary>
        public bool IsSharedGalleryImage => ImageId.StartsWith("/SharedGalleries/", System.StringComparison.OrdinalIgnoreCase);

        public override string ToString() => ImageId;
    }
}
