namespace ClusterlessHpc
{
    /// <summary>A file system every node mounts under <c>$AZ_BATCH_NODE_MOUNTS_DIR/RelativeMountPath</c>. Secrets come from configuration by name.</summary>
    public abstract record MountDefinition(string RelativeMountPath)
    {
        /// <summary>Extra mount options, passed as written.</summary>
        public string? MountOptions { get; init; }
    }

    /// <summary>An Azure Files share (SMB), with the storage account key from configuration.</summary>
    public sealed record AzureFilesMountDefinition(string AccountName, string ShareName, string RelativeMountPath) : MountDefinition(RelativeMountPath)
    {
        /// <summary>The configuration key whose value is the storage account key.</summary>
        public string? AccountKeySetting { get; init; }
    }

    /// <summary>An NFS export, <c>server:/path</c>.</summary>
    public sealed record NfsMountDefinition(string Source, string RelativeMountPath) : MountDefinition(RelativeMountPath);

    /// <summary>A blob container mounted with blobfuse: an account key or SAS from configuration, or a managed identity.</summary>
    public sealed record BlobfuseMountDefinition(string AccountName, string ContainerName, string RelativeMountPath) : MountDefinition(RelativeMountPath)
    {
        public string? AccountKeySetting { get; init; }

        public string? SasKeySetting { get; init; }

        public string? IdentityResourceId { get; init; }
    }
}
