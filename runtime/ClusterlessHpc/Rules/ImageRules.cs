using System;
using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Images;

namespace ClusterlessHpc.Rules
{
    /// <summary>Rules for the nodes' image, checked against the image catalogue: agent, retirement, architecture, OS, containers.</summary>
    internal static class ImageRules
    {
        internal static void Check(PoolDefinition d, List<PoolDiagnostic> found)
        {
            switch (d.Image)
            {
                case MarketplaceImageDefinition marketplace:
                    CheckMarketplace(d, marketplace, found);
                    break;
                case CustomImageDefinition custom:
                    CheckCustom(d, custom, found);
                    break;
                default:
                    // The catalogue's default for this pool is always a current image of the right kind.
                    break;
            }
        }

        /// <summary>The node agent a pool runs: declared, or the catalogue's for its image.</summary>
        public static string? EffectiveNodeAgent(PoolDefinition d) => d.Image switch
        {
            null => ImageCatalogue.DefaultFor(d).NodeAgentSkuId,
            { NodeAgentSku: { } declared } => declared,
            MarketplaceImageDefinition m => ImageCatalogue.Find(m.Publisher, m.Offer, m.Sku)?.NodeAgentSkuId
                                            ?? ImageRetirements.Find(m.Publisher, m.Offer, m.Sku)?.NodeAgentSkuId,
            _ => null,
        };

        private static void CheckMarketplace(PoolDefinition d, MarketplaceImageDefinition image, List<PoolDiagnostic> found)
        {
            var known = ImageCatalogue.Find(image.Publisher, image.Offer, image.Sku);
            var retired = known is null ? ImageRetirements.Find(image.Publisher, image.Offer, image.Sku) : null;
            var agentTarget = image.NodeAgentSku is null ? DefinitionTarget.ImageAttribute : DefinitionTarget.ImageNodeAgentSku;
            if (retired is not null)
            {
                // Its agent is known and retired: the retirement below says so and names the replacement.
                if (image.NodeAgentSku is { } declared && !string.Equals(declared, retired.NodeAgentSkuId, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(new(DiagnosticCatalogue.NodeAgentMustMatchImage, DefinitionTarget.ImageNodeAgentSku, declared, image.ToString(), retired.NodeAgentSkuId));
                }
                if (d.ContainerImages.Count > 0 && !retired.DockerCompatible)
                {
                    found.Add(new(DiagnosticCatalogue.ContainerPoolNeedsContainerImage, DefinitionTarget.ImageAttribute, image.ToString()));
                }
            }
            else if (known is null)
            {
                if (image.NodeAgentSku is null) found.Add(new(DiagnosticCatalogue.NodeAgentSkuRequired, DefinitionTarget.ImageAttribute, "Marketplace image", image.ToString()));
            }
            else
            {
                if (image.NodeAgentSku is { } declared && !string.Equals(declared, known.NodeAgentSkuId, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(new(DiagnosticCatalogue.NodeAgentMustMatchImage, DefinitionTarget.ImageNodeAgentSku, declared, image.ToString(), known.NodeAgentSkuId));
                }
                if (known.Os == ImageOsType.Windows) found.Add(new(DiagnosticCatalogue.WindowsImagesAreNotSupported, DefinitionTarget.ImageAttribute, image.ToString()));
                var vmArm = VmSize.IsArm64(d.VmSize);
                if (vmArm != (known.Architecture == ImageArchitecture.Arm64))
                {
                    found.Add(new(DiagnosticCatalogue.ImageArchitectureMustMatchVmSize, DefinitionTarget.ImageAttribute,
                        d.VmSize, vmArm ? "Arm64" : "x64", image.ToString(), known.Architecture == ImageArchitecture.Arm64 ? "Arm64" : "x64"));
                }
                if (d.ContainerImages.Count > 0 && !known.DockerCompatible)
                {
                    found.Add(new(DiagnosticCatalogue.ContainerPoolNeedsContainerImage, DefinitionTarget.ImageAttribute, image.ToString()));
                }
            }

            CheckAgent(d, image.NodeAgentSku ?? known?.NodeAgentSkuId ?? retired?.NodeAgentSkuId, agentTarget, found, retired);
        }

        private static void CheckCustom(PoolDefinition d, CustomImageDefinition image, List<PoolDiagnostic> found)
        {
            var idProblem = CustomImageIdProblem(image.ImageId);
            if (idProblem is not null) found.Add(new(DiagnosticCatalogue.CustomImageIdMustBeValid, DefinitionTarget.CustomImageId, image.ImageId, idProblem));
            if (image.NodeAgentSku is null) found.Add(new(DiagnosticCatalogue.NodeAgentSkuRequired, DefinitionTarget.ImageAttribute, "Custom image", image.ImageId));
            if (d.Julia is not null && image.JuliaDepotPath is null) found.Add(new(DiagnosticCatalogue.CustomImageWithJuliaNeedsDepotPath, DefinitionTarget.ImageAttribute, d.Id));
            if (image.JuliaDepotPath is { } depot && TextChecks.AbsolutePathProblem(depot) is { } depotProblem)
            {
                found.Add(new(DiagnosticCatalogue.JuliaDepotPathMustBeAbsolute, DefinitionTarget.JuliaDepotPath, depot, depotProblem));
            }
            else if (image.JuliaDepotPath is { } readable && IsUnderRootsHome(readable))
            {
                found.Add(new(DiagnosticCatalogue.JuliaDepotShouldBeReadableByTasks, DefinitionTarget.JuliaDepotPath, readable));
            }
            CheckAgent(d, image.NodeAgentSku, DefinitionTarget.ImageNodeAgentSku, found);
        }

        private static void CheckAgent(PoolDefinition d, string? agentId, string target, List<PoolDiagnostic> found, RetiredImageInfo? retired = null)
        {
            if (agentId is null || ImageCatalogue.FindNodeAgent(agentId) is not { } agent) return;
            if (agent.IsRetired)
            {
                var current = retired is not null && string.Equals(agentId, retired.NodeAgentSkuId, StringComparison.OrdinalIgnoreCase)
                    ? ImageRetirements.ReplacementFor(retired, d)
                    : ImageRetirements.ReplacementForAgent(d, agentId);
                found.Add(new(DiagnosticCatalogue.NodeAgentRetired, target, agent.Id, agent.RetiredOn!, $"{current} with '{current.NodeAgentSkuId}'"));
            }
            else if (agent.RetirementAnnounced)
            {
                // Only the catalogue's facts decide, never today's date: the same declaration always gets the same warning.
                var current = ImageRetirements.ReplacementForAgent(d, agentId);
                found.Add(new(DiagnosticCatalogue.NodeAgentRetirementAnnounced, target, agent.Id, agent.EndOfLife!, $"{current} with '{current.NodeAgentSkuId}'"));
            }
            if (agent.Os == ImageOsType.Windows && d.Image is CustomImageDefinition)
            {
                found.Add(new(DiagnosticCatalogue.WindowsImagesAreNotSupported, target, d.Image.ToString()!));
            }
        }

        /// <summary>
        /// Whether <paramref name="path"/> is root's home or below it (AzureClusterlessHPC.jl's examples use <c>/root/.julia</c>):
        /// Linux images keep <c>/root</c> readable by root alone, and tasks run as the pool's non-admin user.
        /// </summary>
        public static bool IsUnderRootsHome(string path) =>
            path.TrimEnd('/') == "/root" || path.StartsWith("/root/", StringComparison.Ordinal);

        /// <summary>Why <paramref name="id"/> is not a gallery image id Batch accepts, or null.</summary>
        public static string? CustomImageIdProblem(string id)
        {
            var bad = TextChecks.WhiteSpaceOrControl(id);
            if (bad is not null) return bad;
            var parts = id.Split('/');
            // "/SharedGalleries/{gallery}/Images/{image}[/Versions/{version}]" and the community form.
            if (parts.Length is 5 or 7 && parts[0].Length == 0 &&
                (Is(parts[1], "SharedGalleries") || Is(parts[1], "CommunityGalleries")) && Is(parts[3], "Images") &&
                (parts.Length == 5 || Is(parts[5], "Versions")) && AllNonEmpty(parts, 1))
            {
                return null;
            }
            // "/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Compute/galleries/{g}/images/{i}[/versions/{v}]"
            if (parts.Length is 11 or 13 && parts[0].Length == 0 && Is(parts[1], "subscriptions") && Is(parts[3], "resourceGroups") &&
                Is(parts[5], "providers") && Is(parts[6], "Microsoft.Compute") && Is(parts[7], "galleries") && Is(parts[9], "images") &&
                (parts.Length == 11 || Is(parts[11], "versions")) && AllNonEmpty(parts, 1))
            {
                return null;
            }
            return "expected an Azure Compute Gallery image id (/subscriptions/.../providers/Microsoft.Compute/galleries/{gallery}/images/{image}[/versions/{version}]) or a shared gallery id (/SharedGalleries/{gallery}/Images/{image}[/Versions/{version}])";
        }

        private static bool Is(string part, string expected) => string.Equals(part, expected, StringComparison.OrdinalIgnoreCase);

        private static bool AllNonEmpty(string[] parts, int from)
        {
            for (var i = from; i < parts.Length; i++)
            {
                if (parts[i].Length == 0) return false;
            }
            return true;
        }
    }
}
