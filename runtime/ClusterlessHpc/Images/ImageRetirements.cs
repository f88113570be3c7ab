using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Images
{
    /// <summary>
    /// Marketplace images Batch no longer supports, or has announced it will stop supporting, each with the catalogue's
    /// current equivalent: the one table of replacements. The rules (at build time) and plan and apply (at run time)
    /// name the equivalent in their advice, and the legacy import puts it in place of a retired image. An image retires
    /// with its node agent, so the dates are the agents' (<see cref="ImageCatalogue.NodeAgents"/>); Batch announced
    /// each in its retirement notices (github.com/Azure/Batch, "Batch Support for ... Ending"). Images whose retirement
    /// is only announced are still in <see cref="ImageCatalogue.Images"/> too.
    /// </summary>
    internal static class ImageRetirements
    {
        /// <summary>Every retired or retiring image the catalogue knows, with the image that replaces it.</summary>
        public static IReadOnlyList<RetiredImageInfo> Images { get; } = Table();

        /// <summary>The retired image with this reference (compared case-insensitively), or null.</summary>
        public static RetiredImageInfo? Find(string publisher, string offer, string sku)
        {
            foreach (var image in Images)
            {
                if (ImageCatalogue.SameReference(image.Publisher, image.Offer, image.Sku, publisher, offer, sku)) return image;
            }
            return null;
        }

        /// <summary>
        /// The current image that takes <paramref name="retired"/>'s place in <paramref name="pool"/>: the table's
        /// equivalent, a container-capable one for a pool with containers, of the VM size's architecture.
        /// </summary>
        public static MarketplaceImageInfo ReplacementFor(RetiredImageInfo retired, PoolDefinition pool)
        {
            if (retired is null) throw new ArgumentNullException(nameof(retired));
            if (pool is null) throw new ArgumentNullException(nameof(pool));
            return CurrentEquivalent(retired.Replacement, pool);
        }

        /// <summary>
        /// The current image a pool on <paramref name="agentId"/> (retired or retiring) should move to: its image's own
        /// replacement from the table when it declares a marketplace image of that agent, else the catalogue's current
        /// image for the pool.
        /// </summary>
        internal static MarketplaceImageInfo ReplacementForAgent(PoolDefinition pool, string agentId)
        {
            if (pool.Image is MarketplaceImageDefinition image && Find(image.Publisher, image.Offer, image.Sku) is { } entry &&
                string.Equals(agentId, entry.NodeAgentSkuId, StringComparison.OrdinalIgnoreCase))
            {
                return ReplacementFor(entry, pool);
            }
            return ImageCatalogue.DefaultFor(pool);
        }

        /// <summary>
        /// <paramref name="preferred"/> when it suits <paramref name="pool"/>, else the catalogue's current image for the
        /// pool: container-capable for container pools, and of the VM size's architecture.
        /// </summary>
        public static MarketplaceImageInfo CurrentEquivalent(MarketplaceImageInfo preferred, PoolDefinition pool)
        {
            if (pool.ContainerImages.Count > 0)
            {
                return preferred.DockerCompatible ? preferred : ImageCatalogue.DefaultContainerLinux;
            }
            var architecture = VmSize.IsArm64(pool.VmSize) ? ImageArchitecture.Arm64 : ImageArchitecture.X64;
            if (preferred.Architecture == architecture) return preferred;
            // The same publisher and offer in the other architecture, when the catalogue lists it.
            foreach (var image in ImageCatalogue.Images)
            {
                if (image.Architecture == architecture && image.Os == preferred.Os &&
                    string.Equals(image.Publisher, preferred.Publisher, StringComparison.OrdinalIgnoreCase) &&
                    string.Equals(image.Offer, preferred.Offer, StringComparison.OrdinalIgnoreCase))
                {
                    return image;
                }
            }
            return ImageCatalogue.DefaultFor(pool);
        }

        private static RetiredImageInfo[] Table()
        {
            var ubuntu = ImageCatalogue.Find("canonical", "ubuntu-24_04-lts", "server")!;
            var ubuntuHpc = ImageCatalogue.Find("microsoft-dsvm", "ubuntu-hpc", "2404")!;
            var enterpriseLinux = ImageCatalogue.Find("almalinux", "almalinux-x86_64", "9-gen2")!;
            return new[]
            {
                // The package's default (Canonical / UbuntuServer / 18.04) and the Ubuntu releases before it.
                new RetiredImageInfo("canonical", "ubuntuserver", "14.04.5-lts", "batch.node.ubuntu 14.04", ubuntu),
                new RetiredImageInfo("canonical", "ubuntuserver", "16.04-lts", "batch.node.ubuntu 16.04", ubuntu),
                new RetiredImageInfo("microsoft-azure-batch", "ubuntu-server-container", "16-04-lts", "batch.node.ubuntu 16.04", ubuntuHpc, dockerCompatible: true),
                new RetiredImageInfo("microsoft-azure-batch", "ubuntu-server-container-rdma", "16-04-lts", "batch.node.ubuntu 16.04", ubuntuHpc, dockerCompatible: true),
                new RetiredImageInfo("canonical", "ubuntuserver", "18.04-lts", "batch.node.ubuntu 18.04", ubuntu),
                new RetiredImageInfo("microsoft-dsvm", "ubuntu-1804", "1804", "batch.node.ubuntu 18.04", ubuntuHpc, dockerCompatible: true),
                new RetiredImageInfo("microsoft-dsvm", "ubuntu-hpc", "1804", "batch.node.ubuntu 18.04", ubuntuHpc, dockerCompatible: true),
                // Ubuntu 20.04, as Batch's notice listed its images; the container images were the package's container examples'.
                new RetiredImageInfo("canonical", "0001-com-ubuntu-server-focal", "20_04-lts", "batch.node.ubuntu 20.04", ubuntu),
                new RetiredImageInfo("canonical", "0001-com-ubuntu-server-focal", "20_04-lts-gen2", "batch.node.ubuntu 20.04", ubuntu),
                new RetiredImageInfo("microsoft-dsvm", "ubuntu-2004", "2004", "batch.node.ubuntu 20.04", ubuntuHpc, dockerCompatible: true),
                new RetiredImageInfo("microsoft-dsvm", "ubuntu-2004", "2004-gen2", "batch.node.ubuntu 20.04", ubuntuHpc, dockerCompatible: true),
                new RetiredImageInfo("microsoft-dsvm", "ubuntu-hpc", "2004", "batch.node.ubuntu 20.04", ubuntuHpc, dockerCompatible: true),
                new RetiredImageInfo("microsoft-azure-batch", "ubuntu-server-container", "20-04-lts", "batch.node.ubuntu 20.04", ubuntuHpc, dockerCompatible: true),
                new RetiredImageInfo("microsoft-azure-batch", "ubuntu-server-container-rdma", "20-04-lts", "batch.node.ubuntu 20.04", ubuntuHpc, dockerCompatible: true),
                // Ubuntu 22.04, as Batch's notice names them: still supported until the agent's date, then replaced as the notice advises.
                new RetiredImageInfo("canonical", "0001-com-ubuntu-server-jammy", "22_04-lts", "batch.node.ubuntu 22.04", ubuntu),
                new RetiredImageInfo("microsoft-dsvm", "ubuntu-hpc", "2204", "batch.node.ubuntu 22.04", ubuntuHpc, dockerCompatible: true),
                // CentOS 7 gave way to the Enterprise Linux 9 rebuilds.
                new RetiredImageInfo("openlogic", "centos", "7_9", "batch.node.centos 7", enterpriseLinux),
                new RetiredImageInfo("openlogic", "centos", "7_9-gen2", "batch.node.centos 7", enterpriseLinux),
            };
        }
    }

    /// <summary>A marketplace image Batch has retired or will retire, the node agent it runs with, and the current image that replaces it.</summary>
    public sealed class RetiredImageInfo
    {
        public RetiredImageInfo(string publisher, string offer, string sku, string nodeAgentSkuId, MarketplaceImageInfo replacement, bool dockerCompatible = false)
        {
            Publisher = publisher;
            Offer = offer;
            Sku = sku;
            NodeAgentSkuId = nodeAgentSkuId;
            Replacement = replacement ?? throw new ArgumentNullException(nameof(replacement));
            DockerCompatible = dockerCompatible;
        }

        public string Publisher { get; }
        public string Offer { get; }
        public string Sku { get; }
        public string NodeAgentSkuId { get; }

        /// <summary>The catalogue's current equivalent, before a pool's containers or architecture are considered (<see cref="ImageRetirements.ReplacementFor"/>).</summary>
        public MarketplaceImageInfo Replacement { get; }

        /// <summary>Whether the image could run container pools.</summary>
        public bool DockerCompatible { get; }

        /// <summary>The retired or retiring node agent; every agent of the table is in <see cref="ImageCatalogue.NodeAgents"/> with a date.</summary>
        public NodeAgentInfo NodeAgent => ImageCatalogue.FindNodeAgent(NodeAgentSkuId)!;

        /// <summary>The date (yyyy-MM-dd) Batch retired, or announced it will retire, the image's node agent.</summary>
        public string RetiredOn => NodeAgent.EndOfLife!;

        public override string ToString() => $"{Publisher}:{Offer}:{Sku}";
    }
}
