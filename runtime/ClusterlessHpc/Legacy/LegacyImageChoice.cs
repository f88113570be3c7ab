using System;
using System.Collections.Generic;
using ClusterlessHpc.Images;
using Keys = ClusterlessHpc.Legacy.LegacyParameterKeys;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// The image of the imported pools: the <c>_NODE_OS_*</c> marketplace image, except where the package's
    /// choice is retired (its default, Ubuntu 18.04, and every Ubuntu up to 20.04), which becomes the catalogue's
    /// current Ubuntu with a warning; or a custom image from <c>image_resource_id</c>.
    /// </summary>
    internal static class LegacyImageChoice
    {
        private static readonly string[] RetiredReleases = { "16.04", "18.04", "20.04" };

        public static ImageDefinition Choose(LegacyParameters parameters, LegacyPoolOptions options, List<LegacyWarning> warnings)
        {
            var marketplace = ChooseMarketplace(parameters, warnings, out var replaced);
            if (options.ImageResourceId is null) return marketplace;

            var source = new LegacySource(parameters.SourceName);
            if (!parameters.IsGiven(Keys.JuliaDepotPath))
            {
                warnings.Add(source.Warning(Keys.JuliaDepotPath,
                    $"not set, with a custom image; the package's default '{parameters.JuliaDepotPath}' is used as the image's Julia depot, so check it is where Julia is on the image"));
            }
            var agent = options.NodeAgentSku ?? marketplace.NodeAgentSku;
            if (options.NodeAgentSku is null && replaced)
            {
                warnings.Add(source.Warning(Keys.NodeOsSku,
                    $"the custom image's node agent came from the {Keys.NodeOsPublisher}/{Keys.NodeOsOffer}/{Keys.NodeOsSku} image, which is retired; " +
                    $"'{agent}' is used instead, so the custom image must be that OS (or pass {LegacyPoolOptions.NodeAgentSkuKey})"));
            }
            return new CustomImageDefinition(options.ImageResourceId)
            {
                JuliaDepotPath = parameters.JuliaDepotPath,
                NodeAgentSku = agent,
            };
        }

        /// <summary>The Ubuntu release a retired marketplace choice names, or <c>null</c> when it is not a retired Ubuntu.</summary>
        public static string? RetiredUbuntuRelease(string publisher, string offer, string sku)
        {
            if (!publisher.Equals("Canonical", StringComparison.OrdinalIgnoreCase)) return null;
            var normalisedSku = sku.Replace('_', '.');
            foreach (var release in RetiredReleases)
            {
                if (normalisedSku.StartsWith(release, StringComparison.OrdinalIgnoreCase)) return release;
            }
            // The package's offer: it only ever held releases up to 18.04.
            if (offer.Equals("UbuntuServer", StringComparison.OrdinalIgnoreCase)) return "18.04 or older";
            if (offer.IndexOf("focal", StringComparison.OrdinalIgnoreCase) >= 0) return "20.04";
            if (offer.IndexOf("bionic", StringComparison.OrdinalIgnoreCase) >= 0) return "18.04";
            return null;
        }

        private static MarketplaceImageDefinition ChooseMarketplace(LegacyParameters parameters, List<LegacyWarning> warnings, out bool replaced)
        {
            var current = ImageCatalogue.DefaultLinux;
            var publisher = parameters.NodeOsPublisher;
            var offer = parameters.NodeOsOffer;
            var sku = parameters.NodeOsSku;
            var release = RetiredUbuntuRelease(publisher, offer, sku);
            replaced = release is not null;
            if (release is not null)
            {
                var asked = parameters.IsGiven(Keys.NodeOsPublisher) || parameters.IsGiven(Keys.NodeOsOffer) || parameters.IsGiven(Keys.NodeOsSku)
                    ? $"{Keys.NodeOsPublisher}/{Keys.NodeOsOffer}/{Keys.NodeOsSku} ask for {publisher}/{offer}/{sku}"
                    : $"the package's default image {publisher}/{offer}/{sku} applies (the file sets no {Keys.NodeOsPublisher}/{Keys.NodeOsOffer}/{Keys.NodeOsSku})";
                warnings.Add(new LegacySource(parameters.SourceName).Warning(Keys.NodeOsSku,
                    $"{asked}: Ubuntu {release}, whose Batch node agent is retired; using {current.Publisher}/{current.Offer}/{current.Sku} " +
                    $"with node agent '{current.NodeAgentSkuId}' instead"));
                return Current();
            }

            var image = new MarketplaceImageDefinition(publisher, offer, sku);
            return IsCurrent(image) ? Current() : image;
        }

        private static MarketplaceImageDefinition Current()
        {
            var current = ImageCatalogue.DefaultLinux;
            return new MarketplaceImageDefinition(current.Publisher, current.Offer, current.Sku)
            {
                Version = current.Version,
                NodeAgentSku = current.NodeAgentSkuId,
            };
        }

        private static bool IsCurrent(MarketplaceImageDefinition image)
        {
            var current = ImageCatalogue.DefaultLinux;
            return image.Publisher.Equals(current.Publisher, StringComparison.OrdinalIgnoreCase) &&
                image.Offer.Equals(current.Offer, StringComparison.OrdinalIgnoreCase) &&
                image.Sku.Equals(current.Sku, StringComparison.OrdinalIgnoreCase);
        }
    }
}
