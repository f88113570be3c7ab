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

        /// <summary>
        /// How long a pool may stay below its target before it is reported stalled with its root cause (the health check
        /// is degraded with it, and a warning is logged): the pool's resize timeout when not set.
        /// </summary>
        public TimeSpan? StallThreshold { get; set; }
    }

    /// <summary>
    /// A Batch account: endpoint and name, with a shared key, or a service principal, or (when neither is configured)
    /// DefaultAzureCredential (see <see cref="BatchCredentials"/>).
    /// </summary>
    public sealed class BatchAccountOptions
    {
        /// <summary>For example <c>https://myaccount.westeurope.batch.azure.com</c>; absent means the emulator when it is registered.</summary>
        public Uri? Endpoint { get; set; }

        public string? AccountName { get; set; }

        /// <summary>The account's shared key (base64); absent means the service principal, else <c>DefaultAzureCredential</c>.</summary>
        public string? AccountKey { get; set; }

        /// <summary>The tenant of the service principal that signs in (with <see cref="ClientId"/> and <see cref="ClientSecret"/>).</summary>
        public string? TenantId { get; set; }

        /// <summary>The service principal's application (client) id.</summary>
        public string? ClientId { get; set; }

        /// <summary>The service principal's client secret. A secret: never logged.</summary>
        public string? ClientSecret { get; set; }

        /// <summary>Whether a service principal is configured (all of <see cref="TenantId"/>, <see cref="ClientId"/> and <see cref="ClientSecret"/>).</summary>
        public bool HasServicePrincipal => !string.IsNullOrEmpty(TenantId) && !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret);

        /// <summary>More accounts by name (<c>Batch:Accounts:&lt;name&gt;:Endpoint</c>, ...).</summary>
        public Dictionary<string, BatchAccountOptions> Accounts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The settings of the account a pool names (<c>Account</c>; null or empty: this default account), or null when it
        /// names one whose <see cref="Endpoint"/> is not configured. With no default endpoint (the emulator), the emulator
        /// stands in for such an account, so pools that name accounts still run locally; with a real default account, a
        /// forgotten endpoint must never send a pool to an emulator.
        /// </summary>
        public BatchAccountOptions? For(string? account)
        {
            if (string.IsNullOrEmpty(account)) return this;
            if (Accounts.TryGetValue(account!, out var named) && named.Endpoint is not null) return named;
            return Endpoint is null ? this : null;
        }

        /// <summary>
        /// Checks what binding cannot: the endpoint is an absolute http(s) URL, and a service principal is given whole
        /// (a partial one would silently sign in as someone else through DefaultAzureCredential).
        /// </summary>
        /// <param name="section">Where the settings come from, for the message (for example <c>ClusterlessHpc:Batch:Accounts:gamma</c>).</param>
        /// <exception cref="InvalidOperationException">The endpoint is not an absolute http(s) URL, or the service principal is partial.</exception>
        public void EnsureValid(string section)
        {
            if (Endpoint is { } endpoint && !(endpoint.IsAbsoluteUri && (endpoint.Scheme == Uri.UriSchemeHttps || endpoint.Scheme == Uri.UriSchemeHttp)))
            {
                throw new InvalidOperationException($"{section}:Endpoint is not an http(s) URL such as https://myaccount.westeurope.batch.azure.com: '{endpoint}'.");
            }
            var given = new[] { (nameof(TenantId), TenantId), (nameof(ClientId), ClientId), (nameof(ClientSecret), ClientSecret) };
            var missing = Array.FindAll(given, setting => string.IsNullOrEmpty(setting.Item2));
            if (missing.Length is > 0 and < 3)
            {
                throw new InvalidOperationException(
                    $"{section} has a partial service principal: {string.Join(" and ", Array.ConvertAll(missing, m => section + ":" + m.Item1))} " +
                    (missing.Length == 1 ? "is" : "are") + " not set. Give TenantId, ClientId and ClientSecret together, or none of them.");
            }
        }

        /// <summary>Shows the account and how it signs in, without its key or secret.</summary>
        public override string ToString() => $"{AccountName ?? "?"} at {Endpoint?.ToString() ?? "(emulator)"} ({SignInDescription})";

        private string SignInDescription =>
            !string.IsNullOrEmpty(AccountKey) ? "shared key"
            : HasServicePrincipal ? $"service principal {ClientId} of tenant {TenantId}"
            : "DefaultAzureCredential";
    }

    /// <summary>
    /// The storage account used for blob script delivery (docs/delivery.md): <see cref="ConnectionString"/> with an
    /// account key, or <see cref="ServiceUri"/> with <see cref="AccountKey"/>; either, or <see cref="ServiceUri"/>
    /// alone (signed in with a token credential), with <see cref="IdentityResourceId"/> when the nodes read the
    /// script with the pool's user-assigned identity instead of a SAS.
    /// </summary>
    public sealed class StorageOptions
    {
        /// <summary>A storage connection string with <c>AccountKey=</c> (a SAS needs the key). A secret: never logged.</summary>
        public string? ConnectionString { get; set; }

        /// <summary>The blob service endpoint, for example <c>https://myaccount.blob.core.windows.net</c>; without a query.</summary>
        public Uri? ServiceUri { get; set; }

        /// <summary>The storage account key (base64) that goes with <see cref="ServiceUri"/>. A secret: never logged.</summary>
        public string? AccountKey { get; set; }

        /// <summary>The container that holds the scripts (created when missing, without public access).</summary>
        public string Container { get; set; } = "clusterlesshpc";

        /// <summary>
        /// The resource id of a user-assigned identity the pool already has, with read access to the container: the
        /// nodes download the script with it, and no SAS is made.
        /// </summary>
        public string? IdentityResourceId { get; set; }

        /// <summary>
        /// Whether the first node of a Julia pool publishes its install to the container for later nodes to use (default
        /// true; docs/delivery.md, "Shared install"). False: every node installs on its own and gets no create-only SAS.
        /// </summary>
        public bool SharedInstall { get; set; } = true;

        /// <summary>The stored access policy on the container that the scripts' SAS are bound to.</summary>
        public AccessPolicyOptions AccessPolicy { get; set; } = new();

        /// <summary>Shows where the scripts go, without any key.</summary>
        public override string ToString() =>
            (ServiceUri is { } uri ? uri.GetLeftPart(UriPartial.Path) : ConnectionString is null ? "(none)" : "(connection string)") + $", container '{Container}'";
    }

    /// <summary>The stored access policy of blob script delivery: read-only, renewed before it expires, revoked by deleting it.</summary>
    public sealed class AccessPolicyOptions
    {
        /// <summary>The default policy name.</summary>
        public const string DefaultName = "clusterlesshpc-read";

        /// <summary>The policy's identifier on the container (at most 64 characters).</summary>
        public string Name { get; set; } = DefaultName;

        /// <summary>The default name of the create-only policy.</summary>
        public const string DefaultCreateName = "clusterlesshpc-create";

        /// <summary>
        /// The identifier of the second policy, create-only (<c>c</c>), that the nodes' shared-install uploads are bound to
        /// (at most 64 characters; same lifetime and renewal). It exists only on containers that served a shared install.
        /// </summary>
        public string CreateName { get; set; } = DefaultCreateName;

        /// <summary>How long a created or renewed policy lasts (default 365 days).</summary>
        public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(365);

        /// <summary>Renew the policy when less than this remains (default 90 days); less than <see cref="Lifetime"/>.</summary>
        public TimeSpan RenewBefore { get; set; } = TimeSpan.FromDays(90);

        public override string ToString() => $"{Name}: {Lifetime.TotalDays:0.###} days, renewed {RenewBefore.TotalDays:0.###} days before expiry";
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
