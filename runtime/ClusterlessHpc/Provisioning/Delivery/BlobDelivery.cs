using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterlessHpc.Provisioning.Delivery
{
    /// <summary>
    /// Blob delivery: the script is uploaded once per content to <c>{container}/clusterlesshpc/scripts/{sha256}.sh</c>
    /// and downloaded by the start task as a resource file, with a SAS bound to the container's stored access policy
    /// (renewable and revocable without touching the pool) or with the pool's user-assigned identity. The start task
    /// checks the download against the SHA-256 in <see cref="HashVariable"/> before running it.
    /// </summary>
    public sealed class BlobDelivery : IScriptDelivery
    {
        /// <summary>The folder of the container that holds the scripts.</summary>
        public const string BlobFolder = "clusterlesshpc/scripts/";

        /// <summary>The environment setting that holds the script's SHA-256, checked by <see cref="CommandLine"/>.</summary>
        public const string HashVariable = "CHPC_STARTUP_SCRIPT_SHA256";

        /// <summary>The resource file's mode on the node.</summary>
        public const string FileMode = "0755";

        /// <summary>The most stored access policies Azure allows on one container.</summary>
        public const int MaxAccessPolicies = 5;

        /// <summary>
        /// The start task's command line: Batch runs it without a shell, so bash gets one single-quoted argument that
        /// checks the downloaded script against <see cref="HashVariable"/> and then runs it as a file.
        /// </summary>
        public const string CommandLine =
            "/bin/bash -c 'set -euo pipefail; script=\"$AZ_BATCH_TASK_WORKING_DIR/" + InlineScriptDelivery.ScriptFileName + "\"; " +
            "sum=$(sha256sum \"$script\"); if [ \"${sum%% *}\" != \"$" + HashVariable + "\" ]; then " +
            "echo \"clusterlesshpc: $script does not have SHA-256 $" + HashVariable + "\" >&2; exit 1; fi; " +
            "exec /bin/bash \"$script\"'";

        private const string HashMetadata = "sha256";
        private const string ContentType = "text/x-shellscript; charset=utf-8";

        private readonly BlobContainerClient _container;
        private readonly AccessPolicyOptions _policy;
        private readonly string? _identityResourceId;
        private readonly ILogger _logger;
        private readonly TimeProvider _time;

        /// <param name="container">The container for the scripts. Without <paramref name="identityResourceId"/> it must
        /// be able to make a SAS (<see cref="BlobContainerClient.CanGenerateSasUri"/>: made with the account key).</param>
        /// <param name="accessPolicy">The stored access policy (default: <c>clusterlesshpc-read</c>, 365 days, renewed 90 days before expiry).</param>
        /// <param name="identityResourceId">A user-assigned identity of the pool that reads the container: no SAS then.</param>
        /// <param name="logger">Where uploads and policy changes are logged (never a SAS or key).</param>
        /// <param name="timeProvider">The clock for policy expiry.</param>
        /// <exception cref="ScriptDeliveryException">No identity and no account key, or invalid policy settings.</exception>
        public BlobDelivery(
            BlobContainerClient container,
            AccessPolicyOptions? accessPolicy = null,
            string? identityResourceId = null,
            ILogger? logger = null,
            TimeProvider? timeProvider = null)
        {
            ArgumentNullException.ThrowIfNull(container);
            _container = container;
            _policy = accessPolicy ?? new AccessPolicyOptions();
            _identityResourceId = string.IsNullOrWhiteSpace(identityResourceId) ? null : identityResourceId;
            _logger = logger ?? NullLogger.Instance;
            _time = timeProvider ?? TimeProvider.System;

            if (_identityResourceId is null && !container.CanGenerateSasUri)
            {
                throw new ScriptDeliveryException(
                    $"Blob delivery to container '{container.Name}' needs the storage account key to make a service SAS (a token credential " +
                    "cannot sign one): set ClusterlessHpc:Storage:AccountKey, or a ClusterlessHpc:Storage:ConnectionString with AccountKey; " +
                    "or set ClusterlessHpc:Storage:IdentityResourceId to a user-assigned identity of the pool that can read the container.");
            }
            if (_identityResourceId is null) ValidatePolicy(_policy);
        }

        /// <summary>The container's name.</summary>
        public string ContainerName => _container.Name;

        /// <summary>
        /// Whether pools with Julia packages get the shared install (<see cref="StorageOptions.SharedInstall"/>): it also
        /// needs a SAS, so never with an identity.
        /// </summary>
        public bool SharedInstall { get; init; } = true;

        /// <summary>Whether nodes read the script with an identity (true) or a policy-bound SAS (false).</summary>
        public bool UsesIdentity => _identityResourceId is not null;

        /// <summary>The content-addressed blob name of a script with this SHA-256 (lower-case hex).</summary>
        public static string BlobName(string sha256) => BlobFolder + sha256 + ".sh";

        /// <inheritdoc />
        public Task<StartTaskScript> PrepareAsync(string script, CancellationToken cancellationToken = default) =>
            PrepareAsync(new ScriptContent(script), cancellationToken);

        internal Task<StartTaskScript> PrepareAsync(ScriptContent content, CancellationToken cancellationToken) =>
            PrepareAsync(content, sharedInstall: null, cancellationToken);

        /// <summary>
        /// Prepares the script and, for a definition with a shared install (<paramref name="sharedInstall"/>), the settings
        /// that give its nodes read and create-only URLs for exactly its content-addressed names (<see cref="SharedInstallSettingsAsync"/>).
        /// </summary>
        internal async Task<StartTaskScript> PrepareAsync(ScriptContent content, SharedInstallBlobs.Names? sharedInstall, CancellationToken cancellationToken)
        {
            try
            {
                var script = await PrepareScriptAsync(content, cancellationToken).ConfigureAwait(false);
                if (sharedInstall is null) return script;
                return script.WithSharedInstall(await SharedInstallSettingsAsync(sharedInstall, cancellationToken).ConfigureAwait(false));
            }
            catch (RequestFailedException e) when (NamesAccount(e))
            {
                throw;
            }
        }

        /// <summary>
        /// The key of <see cref="Exception.Data"/> under which a storage request that failed names the storage account it
        /// went to (its URL, without any SAS), so that it is told from a Batch request's failure.
        /// </summary>
        public const string StorageAccountDataKey = "ClusterlessHpc.StorageAccount";

        /// <summary>Names the account on a failure on its way out (an exception filter: the stack is kept); never catches.</summary>
        private bool NamesAccount(RequestFailedException e)
        {
            e.Data[StorageAccountDataKey] = _container.Uri.GetLeftPart(UriPartial.Authority);
            return false;
        }

        /// <summary>
        /// The environment settings of a shared install: for each name, a URL with a SAS bound to the read policy and one
        /// with a SAS bound to the create-only policy. Each SAS is a blob SAS (<c>sr=b</c>) signed for that one name, with
        /// no permission, start or expiry of its own: the same names give the same URLs on every apply. None with an
        /// identity (nodes have no SAS to upload with then) or when the container cannot make a SAS.
        /// </summary>
        internal async Task<IReadOnlyList<EnvironmentSetting>> SharedInstallSettingsAsync(SharedInstallBlobs.Names names, CancellationToken cancellationToken)
        {
            if (_identityResourceId is not null || !SharedInstall) return [];
            var (read, create) = await EnsurePoliciesAsync(withCreate: true, cancellationToken).ConfigureAwait(false);
            var settings = new List<EnvironmentSetting>();
            foreach (var (readVariable, createVariable, name) in names.All)
            {
                var blob = _container.GetBlobClient(name);
                settings.Add(new EnvironmentSetting { Name = readVariable, Value = Sas(blob, read.Name).ToString() });
                settings.Add(new EnvironmentSetting { Name = createVariable, Value = Sas(blob, create!.Name).ToString() });
            }
            return settings;
        }

        /// <summary>
        /// The resolved manifest the first node of a definition published, or null when none was published (or it is not
        /// whole: its SHA-256 is not the one published with it).
        /// </summary>
        public async Task<string?> ReadResolvedManifestAsync(string definitionHash, CancellationToken cancellationToken = default)
        {
            var blob = _container.GetBlobClient(SharedInstallBlobs.ResolvedManifest(definitionHash));
            try
            {
                var content = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
                var bytes = content.Content.ToArray();
                if (!content.Details.Metadata.TryGetValue(Scripts.NodeCache.ChecksumMetadata, out var published) ||
                    published != Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)))
                {
                    return null;
                }
                return System.Text.Encoding.UTF8.GetString(bytes);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
            catch (RequestFailedException e) when (NamesAccount(e))
            {
                throw;
            }
        }

        private Uri Sas(BlobClient blob, string policy) => blob.GenerateSasUri(new BlobSasBuilder
        {
            BlobContainerName = _container.Name,
            BlobName = blob.Name,
            Resource = "b",
            // The policy holds the permission and the expiry; the SAS only names it.
            Identifier = policy,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.None,
        });

        private async Task<StartTaskScript> PrepareScriptAsync(ScriptContent content, CancellationToken cancellationToken)
        {
            var blob = _container.GetBlobClient(BlobName(content.Sha256));
            await UploadAsync(blob, content, cancellationToken).ConfigureAwait(false);

            var file = new ResourceFile { FilePath = InlineScriptDelivery.ScriptFileName, FileMode = FileMode };
            string? policyName = null;
            if (_identityResourceId is not null)
            {
                file.HttpUrl = blob.Uri.ToString();
                file.IdentityReference = new BatchNodeIdentityReference { ResourceId = _identityResourceId };
            }
            else
            {
                policyName = (await EnsureAccessPolicyAsync(cancellationToken).ConfigureAwait(false)).Name;
                file.HttpUrl = Sas(blob, policyName).ToString();
            }

            return new StartTaskScript(
                ScriptDelivery.Blob,
                content.Sha256,
                content.Bytes.Length,
                CommandLine,
                [new EnvironmentSetting { Name = HashVariable, Value = content.Sha256 }],
                [file],
                blobUri: blob.Uri,
                accessPolicy: policyName,
                identityResourceId: _identityResourceId);
        }

        /// <summary>
        /// Creates the container's stored access policy (read-only, lasting <see cref="AccessPolicyOptions.Lifetime"/>)
        /// when it is missing, or renews it when less than <see cref="AccessPolicyOptions.RenewBefore"/> remains or its
        /// permissions are not read-only. The container's other policies and its public access level are kept.
        /// <see cref="PrepareAsync(string, CancellationToken)"/> calls this; call it on a schedule to keep pools whose
        /// nodes join long after their last apply (autoscale, reimage) able to download their script.
        /// </summary>
        /// <exception cref="ScriptDeliveryException">The container already has the most policies Azure allows, none of them this one.</exception>
        public async Task<AccessPolicyStatus> EnsureAccessPolicyAsync(CancellationToken cancellationToken = default)
        {
            try
            {
                return (await EnsurePoliciesAsync(withCreate: false, cancellationToken).ConfigureAwait(false)).Read;
            }
            catch (RequestFailedException e) when (NamesAccount(e))
            {
                throw;
            }
        }

        /// <summary>
        /// The read policy and, <paramref name="withCreate"/>, the create-only policy of the shared install
        /// (<see cref="AccessPolicyOptions.CreateName"/>, permission exactly <c>c</c>), each created or renewed as
        /// <see cref="EnsureAccessPolicyAsync"/> says, in one change of the container's policies. A create-only policy that
        /// exists is renewed too when <paramref name="withCreate"/> is false, so it never outlives the read policy's care.
        /// </summary>
        private async Task<(AccessPolicyStatus Read, AccessPolicyStatus? Create)> EnsurePoliciesAsync(bool withCreate, CancellationToken cancellationToken)
        {
            ValidatePolicy(_policy);
            BlobContainerAccessPolicy current;
            try
            {
                current = (await _container.GetAccessPolicyAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                await CreateContainerAsync(cancellationToken).ConfigureAwait(false);
                current = (await _container.GetAccessPolicyAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            }
            var identifiers = current.SignedIdentifiers?.ToList() ?? [];
            var now = _time.GetUtcNow();
            var expiresOn = Truncate(now + _policy.Lifetime);
            var changes = new List<(string Name, AccessPolicyChange Change)>();

            AccessPolicyStatus Ensure(string name, string permissions, bool wanted)
            {
                var ours = identifiers.FirstOrDefault(i => i.Id == name);
                if (ours is null && !wanted) return new AccessPolicyStatus(name, default, AccessPolicyChange.Unchanged);
                if (ours?.AccessPolicy is { PolicyExpiresOn: { } expires } policy && policy.Permissions == permissions && expires - now >= _policy.RenewBefore)
                {
                    return new AccessPolicyStatus(name, expires, AccessPolicyChange.Unchanged);
                }
                identifiers.RemoveAll(i => i.Id == name);
                identifiers.Add(new BlobSignedIdentifier
                {
                    Id = name,
                    AccessPolicy = new BlobAccessPolicy { PolicyExpiresOn = expiresOn, Permissions = permissions },
                });
                var change = ours is null ? AccessPolicyChange.Created : AccessPolicyChange.Renewed;
                changes.Add((name, change));
                return new AccessPolicyStatus(name, expiresOn, change);
            }

            var before = identifiers.Count;
            var read = Ensure(_policy.Name, "r", wanted: true);
            var create = Ensure(_policy.CreateName, "c", wanted: withCreate);
            if (identifiers.Count > MaxAccessPolicies)
            {
                throw new ScriptDeliveryException(
                    $"Container '{_container.Name}' already has {before} stored access policies and needs " +
                    $"{(withCreate ? $"'{_policy.Name}' and '{_policy.CreateName}'" : $"'{_policy.Name}'")}, more than the {MaxAccessPolicies} Azure allows: " +
                    "delete one, or set ClusterlessHpc:Storage:Container to another container.");
            }
            if (changes.Count > 0)
            {
                await _container.SetAccessPolicyAsync(current.BlobPublicAccess, identifiers, cancellationToken: cancellationToken).ConfigureAwait(false);
                foreach (var (name, change) in changes)
                {
                    DeliveryLogEvents.PolicySet(_logger, name, _container.Name, change == AccessPolicyChange.Created ? "created" : "renewed", expiresOn);
                }
            }
            return (read, create.ExpiresOn == default ? null : create);
        }

        /// <summary>
        /// Revokes every SAS bound to the stored access policy by deleting it (other policies are kept). Azure may take
        /// up to 30 seconds to apply it. Nodes that download their script after this fail their start task until the
        /// policy is created again by the next apply, which makes the same SAS valid again: to retire them for good,
        /// change <see cref="AccessPolicyOptions.Name"/> (or rotate the account key) and apply again.
        /// </summary>
        /// <returns>Whether the policy was there.</returns>
        public async Task<bool> RevokeAccessPolicyAsync(CancellationToken cancellationToken = default)
        {
            ValidatePolicy(_policy);
            BlobContainerAccessPolicy current;
            try
            {
                current = (await _container.GetAccessPolicyAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return false;
            }
            var identifiers = current.SignedIdentifiers?.ToList() ?? [];
            // The create-only policy of the shared install goes with it: no node may publish once reading is revoked.
            identifiers.RemoveAll(i => i.Id == _policy.CreateName);
            if (identifiers.RemoveAll(i => i.Id == _policy.Name) == 0) return false;
            await _container.SetAccessPolicyAsync(current.BlobPublicAccess, identifiers, cancellationToken: cancellationToken).ConfigureAwait(false);
            DeliveryLogEvents.PolicyRevoked(_logger, _policy.Name, _container.Name);
            return true;
        }

        /// <summary>Describes the target without any key or SAS.</summary>
        public override string ToString() =>
            $"blob delivery to {_container.Uri.GetLeftPart(UriPartial.Path)}/{BlobFolder} " +
            (_identityResourceId is null ? $"with SAS of stored access policy '{_policy.Name}'" : $"read with identity {_identityResourceId}");

        private async Task UploadAsync(BlobClient blob, ScriptContent content, CancellationToken cancellationToken)
        {
            var location = blob.Uri.GetLeftPart(UriPartial.Path);
            try
            {
                var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
                if (properties.ContentLength == content.Bytes.Length &&
                    properties.Metadata.TryGetValue(HashMetadata, out var hash) && hash == content.Sha256)
                {
                    DeliveryLogEvents.AlreadyUploaded(_logger, location);
                    return;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                await CreateContainerAsync(cancellationToken).ConfigureAwait(false);
            }

            await blob.UploadAsync(BinaryData.FromBytes(content.Bytes), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = ContentType },
                Metadata = new Dictionary<string, string> { [HashMetadata] = content.Sha256 },
            }, cancellationToken).ConfigureAwait(false);
            DeliveryLogEvents.Uploaded(_logger, location, content.Bytes.Length);
        }

        private Task CreateContainerAsync(CancellationToken cancellationToken) =>
            _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);

        private static void ValidatePolicy(AccessPolicyOptions policy)
        {
            if (string.IsNullOrWhiteSpace(policy.Name) || policy.Name.Length > 64)
            {
                throw new ScriptDeliveryException("ClusterlessHpc:Storage:AccessPolicy:Name must have 1 to 64 characters.");
            }
            if (string.IsNullOrWhiteSpace(policy.CreateName) || policy.CreateName.Length > 64 || policy.CreateName == policy.Name)
            {
                throw new ScriptDeliveryException("ClusterlessHpc:Storage:AccessPolicy:CreateName must have 1 to 64 characters and differ from ClusterlessHpc:Storage:AccessPolicy:Name.");
            }
            if (policy.RenewBefore <= TimeSpan.Zero || policy.Lifetime <= policy.RenewBefore)
            {
                throw new ScriptDeliveryException(
                    "ClusterlessHpc:Storage:AccessPolicy:RenewBefore must be positive and shorter than ClusterlessHpc:Storage:AccessPolicy:Lifetime.");
            }
        }

        private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
