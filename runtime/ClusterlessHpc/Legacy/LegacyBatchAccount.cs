using System;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// One entry of <c>credentials.json</c>: a Batch account, the service principal that signs in to it, and the
    /// storage account the package used next to it. Every string form redacts the secrets.
    /// </summary>
    public sealed class LegacyBatchAccount
    {
        internal LegacyBatchAccount()
        {
        }

        /// <summary>
        /// Whether the entry still holds the package's credentials template (its <c>xxxxxxxx</c> ids and secret, or the
        /// <c>batchaccountname.batchregion</c> URL): not a real account, so nothing is sent to it.
        /// </summary>
        public bool IsPlaceholder { get; internal init; }

        /// <summary>The 1-based entry in the credentials file.</summary>
        public int Entry { get; internal init; }

        /// <summary>
        /// The Batch account name (<c>_BATCH_ACCOUNT_NAME</c>, else the first label of the URL's host), lower-case:
        /// the stable name pools record in <see cref="PoolDefinition.Account"/> and configuration uses under <c>Batch:Accounts</c>.
        /// </summary>
        public string Name { get; internal init; } = "";

        /// <summary><c>_BATCH_ACCOUNT_URL</c>: <c>https://&lt;account&gt;.&lt;region&gt;.batch.azure.com</c>.</summary>
        public Uri Endpoint { get; internal init; } = null!;

        /// <summary><c>_REGION</c>, else the region label of the URL's host; <c>null</c> when neither says.</summary>
        public string? Region { get; internal init; }

        /// <summary><c>_BATCH_RESOURCE</c>: the token audience for Batch.</summary>
        public string BatchResource { get; internal init; } = LegacyCredentialKeys.DefaultBatchResource;

        /// <summary><c>_AD_TENANT</c>: the service principal's tenant.</summary>
        public string TenantId { get; internal init; } = "";

        /// <summary><c>_AD_BATCH_CLIENT_ID</c>: the service principal's application (client) id.</summary>
        public string ClientId { get; internal init; } = "";

        /// <summary><c>_AD_SECRET_BATCH</c>: the service principal's client secret.</summary>
        public LegacySecret ClientSecret { get; internal init; } = null!;

        /// <summary><c>_STORAGE_ACCOUNT_NAME</c>; <c>null</c> when the entry names no storage account.</summary>
        public string? StorageAccountName { get; internal init; }

        /// <summary><c>_STORAGE_ACCOUNT_KEY</c>.</summary>
        public LegacySecret? StorageAccountKey { get; internal init; }

        /// <summary><c>_APP_INSIGHTS_APP_ID</c>.</summary>
        public string? AppInsightsAppId { get; internal init; }

        /// <summary><c>_APP_INSIGHTS_INSTRUMENTATION_KEY</c>.</summary>
        public LegacySecret? AppInsightsInstrumentationKey { get; internal init; }

        public override string ToString() =>
            $"Batch account '{Name}' at {Endpoint.GetLeftPart(UriPartial.Authority)}, client {ClientId} in tenant {TenantId}" +
            (StorageAccountName is null ? "" : $", storage account '{StorageAccountName}'") + " (secrets " + LegacySecret.Redacted + ")";
    }
}
