using System;
using Azure.Core;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using ClusterlessHpc.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Provisioning.Delivery
{
    /// <summary>Makes the script delivery the <c>ClusterlessHpc</c> configuration asks for (docs/delivery.md).</summary>
    public static class ScriptDeliveryFactory
    {
        /// <summary>The settings that configure blob storage, as error messages name them.</summary>
        public const string StorageSettings =
            "ClusterlessHpc:Storage:ConnectionString (with AccountKey), or ClusterlessHpc:Storage:ServiceUri with " +
            "ClusterlessHpc:Storage:AccountKey or ClusterlessHpc:Storage:IdentityResourceId";

        /// <summary>
        /// The delivery for <see cref="ClusterlessHpcOptions.Delivery"/>: <see cref="InlineDelivery"/>,
        /// <see cref="BlobDelivery"/>, or <see cref="AutoDelivery"/> (inline when it fits, else blob when storage is configured).
        /// </summary>
        /// <param name="options">The <c>Delivery</c> and <c>Storage</c> settings.</param>
        /// <param name="credential">Signs storage requests when <c>Storage:ServiceUri</c> has no key (identity mode
        /// only); default <see cref="DefaultAzureCredential"/>.</param>
        /// <param name="logger">Where uploads, policy changes and the choice of blob are logged (never a secret).</param>
        /// <param name="clientOptions">Options of the storage client (retries, service version, transport).</param>
        /// <param name="timeProvider">The clock for the stored access policy's expiry.</param>
        /// <exception cref="ScriptDeliveryException">Storage is configured in a way that cannot work (the message says
        /// which settings), or <c>Delivery</c> is <c>Blob</c> without storage.</exception>
        public static IScriptDelivery Create(
            ClusterlessHpcOptions options,
            TokenCredential? credential = null,
            ILogger? logger = null,
            BlobClientOptions? clientOptions = null,
            TimeProvider? timeProvider = null)
        {
            ArgumentNullException.ThrowIfNull(options);
            return options.Delivery switch
            {
                ScriptDelivery.Inline => InlineDelivery.Instance,
                ScriptDelivery.Blob => CreateBlob(options.Storage, credential, logger, clientOptions, timeProvider)
                    ?? throw new ScriptDeliveryException("ClusterlessHpc:Delivery is Blob, but no blob storage is configured: set " + StorageSettings + "."),
                _ => new AutoDelivery(CreateBlob(options.Storage, credential, logger, clientOptions, timeProvider), logger),
            };
        }

        /// <summary>Blob delivery to the configured storage, or null when none is configured.</summary>
        /// <exception cref="ScriptDeliveryException">The storage settings cannot work together; the message never holds their values.</exception>
        public static BlobDelivery? CreateBlob(
            StorageOptions storage,
            TokenCredential? credential = null,
            ILogger? logger = null,
            BlobClientOptions? clientOptions = null,
            TimeProvider? timeProvider = null)
        {
            ArgumentNullException.ThrowIfNull(storage);
            var hasConnectionString = !string.IsNullOrWhiteSpace(storage.ConnectionString);
            var hasKey = !string.IsNullOrWhiteSpace(storage.AccountKey);
            if (!hasConnectionString && storage.ServiceUri is null)
            {
                if (hasKey) throw new ScriptDeliveryException("ClusterlessHpc:Storage:AccountKey is set without ClusterlessHpc:Storage:ServiceUri.");
                return null;
            }
            ValidateContainerName(storage.Container);
            var container = ContainerClient(storage, hasConnectionString, hasKey, credential, clientOptions ?? new BlobClientOptions());
            return new BlobDelivery(container, storage.AccessPolicy, storage.IdentityResourceId, logger, timeProvider) { SharedInstall = storage.SharedInstall };
        }

        private static BlobContainerClient ContainerClient(
            StorageOptions storage, bool hasConnectionString, bool hasKey, TokenCredential? credential, BlobClientOptions clientOptions)
        {
            if (hasConnectionString)
            {
                if (storage.ServiceUri is not null || hasKey)
                {
                    throw new ScriptDeliveryException(
                        "Set either ClusterlessHpc:Storage:ConnectionString or ClusterlessHpc:Storage:ServiceUri (with ClusterlessHpc:Storage:AccountKey), not both.");
                }
                try
                {
                    return new BlobServiceClient(storage.ConnectionString, clientOptions).GetBlobContainerClient(storage.Container);
                }
                catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
                {
                    // The parser's exception may quote the connection string: it is not kept.
                    throw new ScriptDeliveryException("ClusterlessHpc:Storage:ConnectionString is not a valid storage connection string.");
                }
            }

            var serviceUri = storage.ServiceUri!;
            if (!serviceUri.IsAbsoluteUri || serviceUri.Scheme is not ("https" or "http") || serviceUri.Query.Length > 0)
            {
                throw new ScriptDeliveryException(
                    "ClusterlessHpc:Storage:ServiceUri must be the blob endpoint, for example https://myaccount.blob.core.windows.net, without a query (no SAS).");
            }
            if (!hasKey)
            {
                if (string.IsNullOrWhiteSpace(storage.IdentityResourceId))
                {
                    throw new ScriptDeliveryException(
                        "ClusterlessHpc:Storage:ServiceUri without ClusterlessHpc:Storage:AccountKey signs in with a token credential, which cannot make " +
                        "the service SAS nodes download the script with: set ClusterlessHpc:Storage:AccountKey, or set " +
                        "ClusterlessHpc:Storage:IdentityResourceId to a user-assigned identity of the pool that can read the container.");
                }
                return new BlobServiceClient(serviceUri, credential ?? new DefaultAzureCredential(), clientOptions).GetBlobContainerClient(storage.Container);
            }

            var accountName = new BlobUriBuilder(serviceUri).AccountName;
            if (string.IsNullOrEmpty(accountName))
            {
                throw new ScriptDeliveryException($"The storage account's name cannot be read from ClusterlessHpc:Storage:ServiceUri {serviceUri.GetLeftPart(UriPartial.Path)}.");
            }
            StorageSharedKeyCredential key;
            try
            {
                key = new StorageSharedKeyCredential(accountName, storage.AccountKey);
            }
            catch (FormatException)
            {
                throw new ScriptDeliveryException("ClusterlessHpc:Storage:AccountKey is not a base64 storage account key.");
            }
            return new BlobServiceClient(serviceUri, key, clientOptions).GetBlobContainerClient(storage.Container);
        }

        /// <summary>Azure's container naming rule: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
        private static void ValidateContainerName(string? name)
        {
            static bool IsLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
            var valid = name is { Length: >= 3 and <= 63 }
                && IsLetterOrDigit(name[0]) && IsLetterOrDigit(name[^1])
                && !name.Contains("--", StringComparison.Ordinal)
                && name.AsSpan().IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789-") < 0;
            if (!valid)
            {
                throw new ScriptDeliveryException(
                    $"ClusterlessHpc:Storage:Container '{name}' is not a valid container name: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.");
            }
        }
    }
}
