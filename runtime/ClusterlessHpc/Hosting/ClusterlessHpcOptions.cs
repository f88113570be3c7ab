using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Hosting
{
    /// <summary>The configuration section <c>ClusterlessHpc</c> (environment variables <c>ClusterlessHpc__...</c>).</summary>
    public sealed class ClusterlessHpcOptions
    {
        public const string SectionName = "ClusterlessHpc";

        /// <summary>The default Batch account, and named ones for pools that say <c>Account = "name"</c>.</summary>
        public BatchAccountOptions Batch { get; set; } = new();

        /// <summary>Storage for blob script delivery.</summary>
        public StorageOptions Storage { get; set; } = new();

        /// <summary>How startup scripts reach the nodes.</summary>
        public ScriptDelivery Delivery { get; set; } = ScriptDelivery.Auto;

        /// <summary>Whether application start waits until the pools of <c>ProvisionAtStartup</c> are ready (default false: they provision in the background).</summary>
        public bool WaitForPoolsAtStartup { get; set; }

        /// <summary>How long a pool may take to be ready.</summary>
        public TimeSpan ProvisioningTimeout { get; set; } = TimeSpan.FromMinutes(30);
    }

    /// <summary>A Batch account: endpoint and name, with a shared key or (when the key is absent) DefaultAzureCredential.</summary>
    public sealed class BatchAccountOptions
    {
        /// <summary>For example <c>https://myaccount.westeurope.batch.azure.com</c>; absent means the emulator when it is registered.</summary>
        public Uri? Endpoint { get; set; }

        public string? AccountName { get; set; }

        /// <summary>The account's shared key (base64); absent means <c>DefaultAzureCredential</c>.</summary>
        public string? AccountKey { get; set; }

        /// <summary>More accounts by name (<c>Batch:Accounts:&lt;name&gt;:Endpoint</c>, ...).</summary>
        public Dictionary<string, BatchAccountOptions> Accounts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Shows the account without its key.</summary>
        public override string ToString() => $"{AccountName ?? "?"} at {Endpoint?.ToString() ?? "(emulator)"} ({(string.IsNullOrEmpty(AccountKey) ? "DefaultAzureCredential" : "shared key")})";
    }

    /// <summary>The storage account used for blob script delivery.</summary>
    public sealed class StorageOptions
    {
        public string? ConnectionString { get; set; }

        public Uri? ServiceUri { get; set; }

        public string Container { get; set; } = "clusterlesshpc";

        public override string ToString() => ServiceUri?.ToString() ?? (ConnectionString is null ? "(none)" : "(connection string)");
    }

    /// <summary>How a startup script reaches the nodes.</summary>
    public enum ScriptDelivery
    {
        /// <summary>Inline when it fits in the start task, else blob.</summary>
        Auto,

        /// <summary>In the start task itself: no storage, nothing expires.</summary>
        Inline,

        /// <summary>As a blob the start task downloads.</summary>
        Blob,
    }
}
