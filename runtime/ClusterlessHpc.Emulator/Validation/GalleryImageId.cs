using System;

namespace ClusterlessHpc.Emulator.Validation
{
    /// <summary>
    /// The form the service requires of <c>imageReference.virtualMachineImageId</c>: an Azure Compute Gallery image or
    /// image version id. A managed image id (<c>.../Microsoft.Compute/images/{name}</c>) is refused with
    /// <c>InvalidPropertyValue</c> and this reason (recorded from the service, 2020-09-01.12.0).
    /// </summary>
    internal static class GalleryImageId
    {
        public const string Reason =
            "The specified resource id must be of the format /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}/images/{galleryImageName}/versions/{galleryImageVersionName} or /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}/images/{galleryImageName}";

        /// <summary>Whether <paramref name="id"/> has the form above (segment names in any case, no empty segment).</summary>
        public static bool IsValid(string id)
        {
            var parts = id.Split('/');
            return parts.Length is 11 or 13 && parts[0].Length == 0 &&
                   Is(parts[1], "subscriptions") && Is(parts[3], "resourceGroups") && Is(parts[5], "providers") &&
                   Is(parts[6], "Microsoft.Compute") && Is(parts[7], "galleries") && Is(parts[9], "images") &&
                   (parts.Length == 11 || Is(parts[11], "versions")) &&
                   Array.TrueForAll(parts[1..], p => p.Length > 0);
        }

        private static bool Is(string part, string expected) => string.Equals(part, expected, StringComparison.OrdinalIgnoreCase);
    }
}
