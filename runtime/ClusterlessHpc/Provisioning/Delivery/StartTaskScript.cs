using System;
using System.Collections.Generic;
using System.Linq;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Hosting;

namespace ClusterlessHpc.Provisioning.Delivery
{
    /// <summary>
    /// What a start task needs to bring a startup script to its node: the command line, environment settings and
    /// resource files. A blob resource file's URL may carry a SAS: <see cref="ToString"/> never shows it, and neither
    /// does any other string form of this object.
    /// </summary>
    public sealed class StartTaskScript
    {
        internal StartTaskScript(
            ScriptDelivery method,
            string scriptSha256,
            int scriptLength,
            string commandLine,
            IReadOnlyList<EnvironmentSetting> environmentSettings,
            IReadOnlyList<ResourceFile> resourceFiles,
            Uri? blobUri = null,
            string? accessPolicy = null,
            string? identityResourceId = null,
            bool sharedInstall = false)
        {
            SharedInstall = sharedInstall;
            Method = method;
            ScriptSha256 = scriptSha256;
            ScriptLength = scriptLength;
            CommandLine = commandLine;
            EnvironmentSettings = environmentSettings;
            ResourceFiles = resourceFiles;
            BlobUri = blobUri;
            AccessPolicy = accessPolicy;
            IdentityResourceId = identityResourceId;
        }

        /// <summary>How the script travels: <see cref="ScriptDelivery.Inline"/> or <see cref="ScriptDelivery.Blob"/> (never Auto).</summary>
        public ScriptDelivery Method { get; }

        /// <summary>The SHA-256 of the script's UTF-8 bytes, lower-case hex: the blob's name, and what the node checks the download against.</summary>
        public string ScriptSha256 { get; }

        /// <summary>The script's size in UTF-8 bytes.</summary>
        public int ScriptLength { get; }

        /// <summary>The start task's command line (no secret: it reads the script from a file or an environment setting).</summary>
        public string CommandLine { get; }

        /// <summary>Environment settings the command line reads.</summary>
        public IReadOnlyList<EnvironmentSetting> EnvironmentSettings { get; }

        /// <summary>
        /// Resource files to download before the command line runs: none inline; the script blob otherwise, whose
        /// <c>httpUrl</c> carries a SAS unless an identity reads it. Treat these URLs as secrets.
        /// </summary>
        public IReadOnlyList<ResourceFile> ResourceFiles { get; }

        /// <summary>The script blob's URL without any query (no SAS), or null inline.</summary>
        public Uri? BlobUri { get; }

        /// <summary>The stored access policy the blob's SAS is bound to, or null (inline, or read with an identity).</summary>
        public string? AccessPolicy { get; }

        /// <summary>The user-assigned identity the nodes read the blob with, or null.</summary>
        public string? IdentityResourceId { get; }

        /// <summary>
        /// Whether the environment settings carry the shared install's URLs (docs/delivery.md, "Shared install"): the first
        /// node publishes its install and later nodes use it. False inline without blob storage: each node installs on its own.
        /// </summary>
        public bool SharedInstall { get; }

        /// <summary>These pieces with the shared install's settings added.</summary>
        internal StartTaskScript WithSharedInstall(IReadOnlyList<EnvironmentSetting> settings) => settings.Count == 0 ? this : new StartTaskScript(
            Method, ScriptSha256, ScriptLength, CommandLine, [.. EnvironmentSettings, .. settings], ResourceFiles, BlobUri, AccessPolicy, IdentityResourceId, sharedInstall: true);

        /// <summary>
        /// Writes these pieces into <paramref name="startTask"/>: sets the command line; replaces the environment
        /// settings and resource files of any earlier delivery (either method) and keeps every other one.
        /// </summary>
        public void ApplyTo(BatchStartTask startTask)
        {
            ArgumentNullException.ThrowIfNull(startTask);
            startTask.CommandLine = CommandLine;

            var environment = (startTask.EnvironmentSettings ?? [])
                .Where(e => e.Name is not (InlineScriptDelivery.ScriptVariable or BlobDelivery.HashVariable) &&
                            e.Name?.StartsWith(Scripts.NodeCache.VariablePrefix, StringComparison.Ordinal) != true)
                .ToList();
            environment.AddRange(EnvironmentSettings.Select(e => new EnvironmentSetting { Name = e.Name, Value = e.Value }));
            startTask.EnvironmentSettings = environment;

            var files = (startTask.ResourceFiles ?? [])
                .Where(f => f.FilePath != InlineScriptDelivery.ScriptFileName)
                .ToList();
            files.AddRange(ResourceFiles.Select(Copy));
            startTask.ResourceFiles = files.Count == 0 ? null : files;
        }

        /// <summary>Describes the delivery without any SAS: inline with its sizes, or the blob's URL without its query.</summary>
        public override string ToString() => Method switch
        {
            ScriptDelivery.Inline => $"inline: {ScriptLength} bytes, sha256 {ScriptSha256}, {EnvironmentSettings[0].Value?.Length ?? 0} characters encoded",
            _ when IdentityResourceId is not null => $"blob: {BlobUri} read with identity {IdentityResourceId}",
            _ => $"blob: {BlobUri} with a SAS of stored access policy '{AccessPolicy}' (redacted)",
        } + (SharedInstall ? "; shared install with SAS (redacted)" : "");

        private static ResourceFile Copy(ResourceFile file) => new()
        {
            AutoStorageContainerName = file.AutoStorageContainerName,
            StorageContainerUrl = file.StorageContainerUrl,
            HttpUrl = file.HttpUrl,
            BlobPrefix = file.BlobPrefix,
            FilePath = file.FilePath,
            FileMode = file.FileMode,
            IdentityReference = file.IdentityReference is { } identity ? new BatchNodeIdentityReference { ResourceId = identity.ResourceId } : null,
        };
    }
}
