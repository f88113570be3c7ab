namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A marketplace or gallery image (ImageReference).</summary>
    public sealed class BatchVmImageReference
    {
        public string? Publisher { get; set; }

        public string? Offer { get; set; }

        public string? Sku { get; set; }

        public string? Version { get; set; }

        public string? VirtualMachineImageId { get; set; }

        /// <summary>The version used when <c>latest</c> was resolved (read-only).</summary>
        public string? ExactVersion { get; set; }

        public string? SharedGalleryImageId { get; set; }

        public string? CommunityGalleryImageId { get; set; }
    }
}
