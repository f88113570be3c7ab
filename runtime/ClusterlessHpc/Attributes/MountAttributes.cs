using System;

namespace ClusterlessHpc
{
    /// <summary>Mounts an Azure Files share on every node; the account key comes from configuration by <see cref="AccountKeySetting"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AzureFilesMountAttribute : Attribute
    {
        public AzureFilesMountAttribute(string accountName, string shareName, string relativeMountPath)
        {
            AccountName = accountName;
            ShareName = shareName;
            RelativeMountPath = relativeMountPath;
        }

        public string AccountName { get; }
        public string ShareName { get; }
        public string RelativeMountPath { get; }
        public string? AccountKeySetting { get; set; }
        public string? MountOptions { get; set; }
    }

    /// <summary>Mounts an NFS export (<c>server:/path</c>) on every node.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class NfsMountAttribute : Attribute
    {
        public NfsMountAttribute(string source, string relativeMountPath)
        {
            Source = source;
            RelativeMountPath = relativeMountPath;
        }

        public string Source { get; }
        public string RelativeMountPath { get; }
        public string? MountOptions { get; set; }
    }

    /// <summary>Mounts a blob container with blobfuse: an account key or SAS from configuration, or a managed identity.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class BlobfuseMountAttribute : Attribute
    {
        public BlobfuseMountAttribute(string accountName, string containerName, string relativeMountPath)
        {
            AccountName = accountName;
            ContainerName = containerName;
            RelativeMountPath = relativeMountPath;
        }

        public string AccountName { get; }
        public string ContainerName { get; }
        public string RelativeMountPath { get; }
        public string? AccountKeySetting { get; set; }
        public string? SasKeySetting { get; set; }
        public string? IdentityResourceId { get; set; }
        public string? MountOptions { get; set; }
    }
}
