using System;
using System.Collections.Generic;
using ClusterlessHpc.Images;
using Keys = ClusterlessHpc.Legacy.LegacyParameterKeys;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// The image of the imported pools. The package took the first supported image whose publisher and offer match
    /// and whose SKU starts with <c>_NODE_OS_SKU</c>; this looks the same way in the image catalogue, and then in its
    /// table of retired images. A retired image (the package's default, Ubuntu 18.04, is one; so are its container
    /// examples' Ubuntu 20.04 container image) gives way to the catalogue's current equivalent for the pool, with a
    /// warning naming both. <c>image_resource_id</c> makes a custom image.
    /// </summary>
    internal static class LegacyImageChoice
    {
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
                if (MatchesLikeThePackage(image.Publisher, image.Offer, image.Sku, publisher, offer, sku)) return image;
            }
            return null;
        }

        /// <summary>The retired image the package would have picked when Batch still listed it, the same way.</summary>
        public static RetiredImageInfo? FindRetiredLikeThePackage(string publisher, string offer, string sku)
        {
            foreach (var image in ImageRetirements.Images)
            {
                if (MatchesLikeThePackage(image.Publisher, image.Offer, image.Sku, publisher, offer, sku)) return image;
            }
            return null;
        }

        /// <summary>
        /// For a Canonical image neither table lists: the retired Ubuntu release it names (by SKU, or by the package's
        /// <c>UbuntuServer</c> offer, which ends at 18.04), or <c>null</c>. The releases are those of the retired node agents.
        /// </summary>
        public static string? RetiredUbuntuRelease(string publisher, string offer, string sku)
        {
            if (!publisher.Equals("Canonical", StringComparison.OrdinalIgnoreCase)) return null;
            var release = sku.Replace('_', '.');
            foreach (var agent in ImageCatalogue.NodeAgents)
            {
                if (!agent.IsRetired || !agent.Id.StartsWith(UbuntuAgentPrefix, StringComparison.Ordinal)) continue;
                var retired = agent.Id.Substring(UbuntuAgentPrefix.Length);
                if (release.StartsWith(retired, StringComparison.OrdinalIgnoreCase)) return retired;
            }
            if (offer.Equals("UbuntuServer", StringComparison.OrdinalIgnoreCase)) return "18.04 or older";
            if (offer.IndexOf("focal", StringComparison.OrdinalIgnoreCase) >= 0) return "20.04";
            if (offer.IndexOf("bionic", StringComparison.OrdinalIgnoreCase) >= 0) return "18.04";
            return null;
        }

        private const string UbuntuAgentPrefix = "batch.node.ubuntu ";

        private static bool MatchesLikeThePackage(string publisher, string offer, string sku, string wantedPublisher, string wantedOffer, string wantedSku) =>
            publisher.Equals(wantedPublisher, StringComparison.OrdinalIgnoreCase) &&
            offer.Equals(wantedOffer, StringComparison.OrdinalIgnoreCase) &&
            sku.StartsWith(wantedSku, StringComparison.OrdinalIgnoreCase);

        private static MarketplaceImageDefinition ChooseMarketplace(LegacyParameters parameters, List<LegacyWarning> warnings, out bool replaced)
        {
            var publisher = parameters.NodeOsPublisher;
            var offer = parameters.NodeOsOffer;
            var sku = parameters.NodeOsSku;
            replaced = false;
            var pool = new PoolDefinition
            {
                VmSize = parameters.VmSize,
                ContainerImages = parameters.Container is null ? Array.Empty<string>() : new[] { parameters.Container },
            };

            string why;
            MarketplaceImageInfo current;
            var match = FindLikeThePackage(publisher, offer, sku);
            if (match is not null)
            {
                var agent = ImageCatalogue.FindNodeAgent(match.NodeAgentSkuId);
                // A current image keeps its node agent implicit: the catalogue supplies it.
                if (agent is not { IsRetired: true }) return new MarketplaceImageDefinition(match.Publisher, match.Offer, match.Sku);
                why = $"its node agent '{agent.Id}' was retired by Batch on {agent.RetiredOn}";
                current = ImageRetirements.CurrentEquivalent(ImageCatalogue.DefaultFor(pool), pool);
            }
            else if (FindRetiredLikeThePackage(publisher, offer, sku) is { } retired)
            {
                why = $"its node agent '{retired.NodeAgentSkuId}' was retired by Batch on {retired.RetiredOn}, and with it the image {retired}";
                current = ImageRetirements.ReplacementFor(retired, pool);
            }
            else
            {
                var release = RetiredUbuntuRelease(publisher, offer, sku);
                // Not in the catalogue and not a retired Ubuntu: kept as written, and the validator says what it lacks.
                if (release is null) return new MarketplaceImageDefinition(publisher, offer, sku);
                why = $"it is Ubuntu {release}, whose node agent Batch has retired";
                current = ImageCatalogue.DefaultFor(pool);
            }

            replaced = true;
            var asked = parameters.IsGiven(Keys.NodeOsPublisher) || parameters.IsGiven(Keys.NodeOsOffer) || parameters.IsGiven(Keys.NodeOsSku)
                ? $"{Keys.NodeOsPublisher}/{Keys.NodeOsOffer}/{Keys.NodeOsSku} ask for {publisher}/{offer}/{sku}"
                : $"the package's default image {publisher}/{offer}/{sku} applies (the file sets no {Keys.NodeOsPublisher}/{Keys.NodeOsOffer}/{Keys.NodeOsSku})";
            var kind = pool.ContainerImages.Count > 0 ? $"current container-capable image (the pool has {Keys.Container})" : "current image";
            warnings.Add(new LegacySource(parameters.SourceName).Warning(Keys.NodeOsSku,
                $"{asked}, but {why}; using the catalogue's {kind} {current.Publisher}/{current.Offer}/{current.Sku} with node agent '{current.NodeAgentSkuId}' instead"));
            return new MarketplaceImageDefinition(current.Publisher, current.Offer, current.Sku)
            {
                Version = current.Version,
                NodeAgentSku = current.NodeAgentSkuId,
            };
        }
    }
}
