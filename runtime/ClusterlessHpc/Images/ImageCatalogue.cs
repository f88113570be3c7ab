using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Images
{
    /// <summary>
    /// The marketplace images and node agents ClusterlessHpc knows, as Batch's supported-images list reported them
    /// when this catalogue was last reviewed (<see cref="ReviewedOn"/>). The analyzer checks declarations against it,
    /// the pre-flight compares it with the account's live list, and the emulator serves it as its supported images.
    /// </summary>
    public static class ImageCatalogue
    {
        public const string ReviewedOn = "2026-11-01";

        /// <summary>
        /// The node agent SKUs, with the retirement date Batch published for each that has one: past (retired when the
        /// catalogue was reviewed) or announced. Each date is the one in Batch's retirement notice, cited beside it.
        /// </summary>
        public static IReadOnlyList<NodeAgentInfo> NodeAgents { get; } = new[]
        {
            new NodeAgentInfo("batch.node.ubuntu 24.04", ImageOsType.Linux, retiredOn: null),
            // github.com/Azure/Batch/issues/200, "Batch Support for Ubuntu 22.04 LTS Ending": Batch's own date, which
            // follows Canonical's end of standard support; support for the agent is removed after June 30, 2027.
            new NodeAgentInfo("batch.node.ubuntu 22.04", ImageOsType.Linux, retiredOn: null, endOfLife: "2027-06-30"),
            // github.com/Azure/Batch/issues/174, "Batch Support for Ubuntu 20.04 LTS Ending": April 23, 2025.
            new NodeAgentInfo("batch.node.ubuntu 20.04", ImageOsType.Linux, retiredOn: "2025-04-23"),
            // github.com/Azure/Batch/issues/152, "Batch Support for Ubuntu 18.04 Ending": support removed on 2023-05-30.
            new NodeAgentInfo("batch.node.ubuntu 18.04", ImageOsType.Linux, retiredOn: "2023-05-30"),
            // github.com/Azure/Batch/issues/106, "Batch Support for Ubuntu 16.04 Ending": support removed on 2021-05-21.
            new NodeAgentInfo("batch.node.ubuntu 16.04", ImageOsType.Linux, retiredOn: "2021-05-21"),
            // github.com/Azure/Batch/issues/61, "Batch Support for Ubuntu 14.04 Ending": the agent retired from 2019-08-01.
            new NodeAgentInfo("batch.node.ubuntu 14.04", ImageOsType.Linux, retiredOn: "2019-08-01"),
            new NodeAgentInfo("batch.node.el 9", ImageOsType.Linux, retiredOn: null),
            // github.com/Azure/Batch/issues/169, "Batch Support for CentOS 7 Ending": support removed on 2024-07-01.
            new NodeAgentInfo("batch.node.centos 7", ImageOsType.Linux, retiredOn: "2024-07-01"),
            new NodeAgentInfo("batch.node.windows amd64", ImageOsType.Windows, retiredOn: null),
        };

        /// <summary>
        /// The supported marketplace images and the node agent each runs with. Images Batch has retired are in
        /// <see cref="ImageRetirements"/>, each with its replacement here.
        /// </summary>
        public static IReadOnlyList<MarketplaceImageInfo> Images { get; } = new[]
        {
            new MarketplaceImageInfo("canonical", "ubuntu-24_04-lts", "server", "batch.node.ubuntu 24.04", ImageArchitecture.X64),
            new MarketplaceImageInfo("canonical", "ubuntu-24_04-lts", "server-arm64", "batch.node.ubuntu 24.04", ImageArchitecture.Arm64),
            new MarketplaceImageInfo("canonical", "0001-com-ubuntu-server-jammy", "22_04-lts", "batch.node.ubuntu 22.04", ImageArchitecture.X64),
            new MarketplaceImageInfo("microsoft-dsvm", "ubuntu-hpc", "2404", "batch.node.ubuntu 24.04", ImageArchitecture.X64, dockerCompatible: true),
            new MarketplaceImageInfo("microsoft-dsvm", "ubuntu-hpc", "2204", "batch.node.ubuntu 22.04", ImageArchitecture.X64, dockerCompatible: true),
            new MarketplaceImageInfo("almalinux", "almalinux-x86_64", "9-gen2", "batch.node.el 9", ImageArchitecture.X64),
            new MarketplaceImageInfo("microsoftwindowsserver", "windowsserver", "2022-datacenter", "batch.node.windows amd64", ImageArchitecture.X64, os: ImageOsType.Windows),
            new MarketplaceImageInfo("microsoftwindowsserver", "windowsserver", "2022-datacenter-core-with-containers-smalldisk", "batch.node.windows amd64", ImageArchitecture.X64, os: ImageOsType.Windows, dockerCompatible: true),
        };

        /// <summary>Ubuntu 24.04 LTS, the current Batch-supported Ubuntu (the 18.04 and 20.04 agents are retired).</summary>
        public static MarketplaceImageInfo DefaultLinux { get; } = Images[0];

        /// <summary>The default for Arm64 VM sizes.</summary>
        public static MarketplaceImageInfo DefaultLinuxArm64 { get; } = Images[1];

        /// <summary>The default for container pools: Ubuntu 24.04 with a container runtime.</summary>
        public static MarketplaceImageInfo DefaultContainerLinux { get; } = Images[3];

        /// <summary>The image a pool gets when it declares none.</summary>
        public static MarketplaceImageInfo DefaultFor(PoolDefinition definition) =>
            definition.ContainerImages.Count > 0 ? DefaultContainerLinux
            : VmSize.IsArm64(definition.VmSize) ? DefaultLinuxArm64
            : DefaultLinux;

        /// <summary>The catalogue entry for a marketplace image (publisher, offer and SKU compare case-insensitively), or null.</summary>
        public static MarketplaceImageInfo? Find(string publisher, string offer, string sku)
        {
            foreach (var image in Images)
            {
                if (SameReference(image.Publisher, image.Offer, image.Sku, publisher, offer, sku)) return image;
            }
            return null;
        }

        /// <summary>Whether two image references are the same: Batch compares publisher, offer and SKU case-insensitively.</summary>
        internal static bool SameReference(string publisher, string offer, string sku, string otherPublisher, string otherOffer, string otherSku) =>
            string.Equals(publisher, otherPublisher, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(offer, otherOffer, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(sku, otherSku, StringComparison.OrdinalIgnoreCase);

        /// <summary>The node agent with this id (case-insensitive), or null when the catalogue does not know it.</summary>
        public static NodeAgentInfo? FindNodeAgent(string id)
        {
            foreach (var agent in NodeAgents)
            {
                if (string.Equals(agent.Id, id, StringComparison.OrdinalIgnoreCase)) return agent;
            }
            return null;
        }
    }

    public enum ImageOsType
    {
        Linux,
        Windows,
    }

    public enum ImageArchitecture
    {
        X64,
        Arm64,
    }

    /// <summary>A node agent SKU and when Batch retired it.</summary>
    public sealed class NodeAgentInfo
    {
        public NodeAgentInfo(string id, ImageOsType os, string? retiredOn, string? endOfLife = null)
        {
            Id = id;
            Os = os;
            RetiredOn = retiredOn;
            EndOfLife = endOfLife ?? retiredOn;
        }

        public string Id { get; }
        public ImageOsType Os { get; }

        /// <summary>The date (yyyy-MM-dd) Batch stopped supporting the agent, when that date has passed.</summary>
        public string? RetiredOn { get; }

        /// <summary>The retirement date (yyyy-MM-dd) Batch published for the agent, past or announced; null when none is.</summary>
        public string? EndOfLife { get; }

        public bool IsRetired => RetiredOn is not null;

        /// <summary>
        /// Whether Batch has announced a retirement date that had not come when the catalogue was reviewed. Judged
        /// against the review, not today, so that a build's result never depends on the day it runs.
        /// </summary>
        public bool RetirementAnnounced => RetiredOn is null && EndOfLife is not null;
    }

    /// <summary>A marketplace image reference and the node agent SKU that matches it.</summary>
    public sealed class MarketplaceImageInfo
    {
        public MarketplaceImageInfo(string publisher, string offer, string sku, string nodeAgentSkuId, ImageArchitecture architecture,
            ImageOsType os = ImageOsType.Linux, bool dockerCompatible = false)
        {
            Publisher = publisher;
            Offer = offer;
            Sku = sku;
            NodeAgentSkuId = nodeAgentSkuId;
            Architecture = architecture;
            Os = os;
            DockerCompatible = dockerCompatible;
        }

        public string Publisher { get; }
        public string Offer { get; }
        public string Sku { get; }
        public string Version => "latest";
        public string NodeAgentSkuId { get; }
        public ImageArchitecture Architecture { get; }
        public ImageOsType Os { get; }

        /// <summary>Whether Batch lists the DockerCompatible capability: the image can run container pools.</summary>
        public bool DockerCompatible { get; }

        public override string ToString() => $"{Publisher}:{Offer}:{Sku}";
    }
}
