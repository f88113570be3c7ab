using System;
using System.Collections.Generic;
using ClusterlessHpc.Images;
using Keys = ClusterlessHpc.Legacy.LegacyParameterKeys;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// The image of the imported pools. The package took the first supported image whose publisher and offer match
    /// and whose SKU starts with <c>_NODE_OS_SKU</c>; this looks the same way in the image catalogue. Where that
    /// image's node agent is retired (the package's default, Ubuntu 18.04, and Ubuntu 20.04), the catalogue's current
    /// image for the pool is used instead, with a warning. <c>image_resource_id</c> makes a custom image.
    /// </summary>
    internal static class LegacyImageChoice
    {
        private static readonly string[] RetiredUbuntuReleases = { "14.04", "16.04", "18.04", "20.04" };

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
            // As in the package, the custom image's agent is the marketplace image's, unless the caller knows better.
            var agent = options.NodeAgentSku ?? marketplace.NodeAgentSku ??
                ImageCatalogue.Find(marketplace.Publisher, marketplace.Offer, marketplace.Sku)?.NodeAgentSkuId;
            if (options.NodeAgentSku is null && replaced)
            {
                warnings.Add(source.Warning(Keys.NodeOsSku,
                    $"the custom image's node agent comes from the {Keys.NodeOsPublisher}/{Keys.NodeOsOffer}/{Keys.NodeOsSku} image, which is retired; " +
                    $"'{agent}' is used instead, so the custom image must run that OS (or pass {LegacyPoolOptions.NodeAgentSkuKey})"));
            }
            return new CustomImageDefinition(options.ImageResourceId)
            {
                JuliaDepotPath = parameters.JuliaDepotPath,
                NodeAgentSku = agent,
            };
        }

        /// <summary>The catalogue image the package would have picked: publisher and offer equal, SKU starting with <paramref name="sku"/>.</summary>
        public static MarketplaceImageInfo? FindLikeThePackage(string publisher, string offer, string sku)
        {
            foreach (var image in ImageCatalogue.Images)
            {
                if (image.Publisher.Equals(publisher, StringComparison.OrdinalIgnoreCase) &&
                    image.Offer.Equals(offer, StringComparison.OrdinalIgnoreCase) &&
                    image.Sku.StartsWith(sku, StringComparison.OrdinalIgnoreCase))
                {
                    return image;
                }
            }
            return null;
        }

        /// <summary>
        /// For an Ubuntu image the catalogue does not list: the retired release it names (by SKU, or by the
        /// package's <c>UbuntuServer</c> offer, which ends at 18.04), or <c>null</c>.
        /// </summary>
        public static string? RetiredUbuntuRelease(string publisher, string offer, string sku)
        {
            if (!publisher.Equals("Canonical", StringComparison.OrdinalIgnoreCase)) return null;
            var release = sku.Replace('_', '.');
            foreach (var retired in RetiredUbuntuReleases)
            {
                if (release.StartsWith(retired, StringComparison.OrdinalIgnoreCase)) return retired;
            }
            if (offer.Equals("UbuntuServer", StringComparison.OrdinalIgnoreCase)) return "18.04 or older";
            if (offer.IndexOf("focal", StringComparison.OrdinalIgnoreCase) >= 0) return "20.04";
            if (offer.IndexOf("bionic", StringComparison.OrdinalIgnoreCase) >= 0) return "18.04";
            return null;
        }

        private static MarketplaceImageDefinition ChooseMarketplace(LegacyParameters parameters, List<LegacyWarning> warnings, out bool replaced)
        {
            var publisher = parameters.NodeOsPublisher;
            var offer = parameters.NodeOsOffer;
            var sku = parameters.NodeOsSku;
            replaced = false;

            string why;
            var match = FindLikeThePackage(publisher, offer, sku);
            if (match is not null)
            {
                var agent = ImageCatalogue.FindNodeAgent(match.NodeAgentSkuId);
                // A current image keeps its node agent implicit: the catalogue supplies it.
                if (agent is not { IsRetired: true }) return new MarketplaceImageDefinition(match.Publisher, match.Offer, match.Sku);
                why = $"its node agent '{agent.Id}' was retired by Batch on {agent.RetiredOn}";
            }
            else
            {
                var release = RetiredUbuntuRelease(publisher, offer, sku);
                // Not in the catalogue and not a retired Ubuntu: kept as written, and the validator says what it lacks.
                if (release is null) return new MarketplaceImageDefinition(publisher, offer, sku);
                why = $"it is Ubuntu {release}, whose node agent Batch has retired";
            }

            replaced = true;
            var current = ImageCatalogue.DefaultFor(new PoolDefinition
            {
                VmSize = parameters.VmSize,
                ContainerImages = parameters.Container is null ? Array.Empty<string>() : new[] { parameters.Container },
            });
            var asked = parameters.IsGiven(Keys.NodeOsPublisher) || parameters.IsGiven(Keys.NodeOsOffer) || parameters.IsGiven(Keys.NodeOsSku)
                ? $"{Keys.NodeOsPublisher}/{Keys.NodeOsOffer}/{Keys.NodeOsSku} ask for {publisher}/{offer}/{sku}"
                : $"the package's default image {publisher}/{offer}/{sku} applies (the file sets no {Keys.NodeOsPublisher}/{Keys.NodeOsOffer}/{Keys.NodeOsSku})";
            warnings.Add(new LegacySource(parameters.SourceName).Warning(Keys.NodeOsSku,
                $"{asked}, but {why}; using {current.Publisher}/{current.Offer}/{current.Sku} with node agent '{current.NodeAgentSkuId}' instead"));
            return new MarketplaceImageDefinition(current.Publisher, current.Offer, current.Sku)
            {
                Version = current.Version,
                NodeAgentSku = current.NodeAgentSkuId,
            };
        }
    }
}
