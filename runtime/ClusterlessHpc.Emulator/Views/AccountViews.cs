using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Images;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>The account-level lists: the supported images (from the runtime's image catalogue) and node counts.</summary>
    internal static class AccountViews
    {
        /// <summary>The images the emulator reports as supported: those of the image catalogue, all verified.</summary>
        public static IReadOnlyList<BatchSupportedImage> SupportedImages { get; } = Catalogue().ToList();

        /// <summary>The list changes only with the catalogue, so its version is the catalogue's review date.</summary>
        public static Versions CatalogueVersion { get; } = Version();

        public static JsonObject Render(BatchSupportedImage image) =>
            JsonSerializer.SerializeToNode(image, BatchJson.TypeInfo<BatchSupportedImage>())!.AsObject();

        public static string Key(BatchSupportedImage image) =>
            $"{image.ImageReference.Publisher}/{image.ImageReference.Offer}/{image.ImageReference.Sku}/{image.NodeAgentSkuId}";

        public static JsonObject NodeCounts(SimulatedPool pool) =>
            JsonSerializer.SerializeToNode(new BatchPoolNodeCounts
            {
                PoolId = pool.Id,
                Dedicated = Count(pool.Nodes.Where(n => n.IsDedicated)),
                LowPriority = Count(pool.Nodes.Where(n => !n.IsDedicated)),
            }, BatchJson.TypeInfo<BatchPoolNodeCounts>())!.AsObject();

        private static BatchNodeCounts Count(IEnumerable<SimulatedNode> nodes)
        {
            var byState = nodes.GroupBy(n => n.State.Value).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
            int Of(string state) => byState.GetValueOrDefault(state);
            return new BatchNodeCounts
            {
                Creating = Of("creating"),
                Idle = Of("idle"),
                Offline = Of("offline"),
                Preempted = Of("preempted"),
                Rebooting = Of("rebooting"),
                Reimaging = Of("reimaging"),
                Running = Of("running"),
                Starting = Of("starting"),
                StartTaskFailed = Of("starttaskfailed"),
                LeavingPool = Of("leavingpool"),
                Unknown = Of("unknown"),
                Unusable = Of("unusable"),
                WaitingForStartTask = Of("waitingforstarttask"),
                UpgradingOS = Of("upgradingos"),
                Deallocated = Of("deallocated"),
                Deallocating = Of("deallocating"),
                Total = byState.Values.Sum(),
            };
        }

        /// <summary>Every catalogue image with a node agent Batch has not retired, verified, with its end of support when announced.</summary>
        private static Versions Version()
        {
            var reviewed = DateTimeOffset.ParseExact(ImageCatalogue.ReviewedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal);
            return new Versions("0x" + reviewed.UtcTicks.ToString("X", System.Globalization.CultureInfo.InvariantCulture), reviewed);
        }

        private static IEnumerable<BatchSupportedImage> Catalogue()
        {
            foreach (var image in ImageCatalogue.Images)
            {
                var agent = ImageCatalogue.FindNodeAgent(image.NodeAgentSkuId);
                if (agent is null || agent.IsRetired) continue;
                yield return new BatchSupportedImage
                {
                    NodeAgentSkuId = image.NodeAgentSkuId,
                    ImageReference = new BatchVmImageReference { Publisher = image.Publisher, Offer = image.Offer, Sku = image.Sku, Version = image.Version },
                    OsType = image.Os == ImageOsType.Windows ? OSType.Windows : OSType.Linux,
                    Capabilities = image.DockerCompatible ? ["DockerCompatible"] : null,
                    BatchSupportEndOfLife = agent.EndOfLife is { } end
                        ? DateTimeOffset.ParseExact(end, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal)
                        : null,
                    VerificationType = ImageVerificationType.Verified,
                };
            }
        }
    }
}
