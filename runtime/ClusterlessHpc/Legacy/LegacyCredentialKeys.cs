namespace ClusterlessHpc.Legacy
{
    /// <summary>The keys of an AzureClusterlessHPC.jl <c>credentials.json</c> entry.</summary>
    internal static class LegacyCredentialKeys
    {
        public const string TenantId = "_AD_TENANT";
        public const string ClientId = "_AD_BATCH_CLIENT_ID";
        public const string ClientSecret = "_AD_SECRET_BATCH";
        public const string BatchAccountUrl = "_BATCH_ACCOUNT_URL";
        public const string BatchResource = "_BATCH_RESOURCE";
        public const string StorageAccountName = "_STORAGE_ACCOUNT_NAME";
        public const string StorageAccountKey = "_STORAGE_ACCOUNT_KEY";
        public const string Region = "_REGION";
        public const string BatchAccountName = "_BATCH_ACCOUNT_NAME";
        public const string AppInsightsAppId = "_APP_INSIGHTS_APP_ID";
        public const string AppInsightsInstrumentationKey = "_APP_INSIGHTS_INSTRUMENTATION_KEY";

        /// <summary>The token audience the package used for Batch.</summary>
        public const string DefaultBatchResource = "https://batch.core.windows.net/";

        /// <summary>Whether the key's value is a secret, kept as a <see cref="LegacySecret"/>.</summary>
        public static bool IsSecret(string key) => key is ClientSecret or StorageAccountKey or AppInsightsInstrumentationKey;

        /// <summary>Whether the key is one the package reads from a credentials entry.</summary>
        public static bool IsKnown(string key) => key is TenantId or ClientId or ClientSecret or BatchAccountUrl or BatchResource or
            StorageAccountName or StorageAccountKey or Region or BatchAccountName or AppInsightsAppId or AppInsightsInstrumentationKey;
    }
}
