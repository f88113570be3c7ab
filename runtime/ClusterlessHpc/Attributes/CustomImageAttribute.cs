using System;

namespace ClusterlessHpc
{
    /// <summary>
    /// A custom image: an Azure Compute Gallery image (version) id or a direct-shared gallery image id. With
    /// <c>[Julia]</c>, Julia is on the image and <see cref="JuliaDepotPath"/> says where its depot is; without
    /// <c>[Julia]</c> the startup script installs nothing.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CustomImageAttribute : Attribute
    {
        public CustomImageAttribute(string imageId) => ImageId = imageId;

        public string ImageId { get; }

        /// <summary>The node agent SKU that matches the image, for example <c>batch.node.ubuntu 24.04</c>.</summary>
        public string? NodeAgentSku { get; set; }

        /// <summary>The Julia depot on the image (the seed's <c>_JULIA_DEPOT_PATH</c>).</summary>
        public string? JuliaDepotPath { get; set; }
    }
}
