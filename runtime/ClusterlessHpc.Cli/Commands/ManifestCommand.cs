using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Provisioning.Delivery;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc manifest POOL &gt; Manifest.toml</c>: the Manifest.toml the pool's nodes resolved, to pin it. It comes from the
    /// shared install's blob (what the first node of the pool's definition published) when blob storage is configured and
    /// holds it, else from a node's depot through the node files API. Only the manifest goes to standard output; where it
    /// came from goes to standard error.
    /// </summary>
    internal static class ManifestCommand
    {
        /// <summary>The folder of a node whose default environments the script installs into, relative to the node's root.</summary>
        public const string EnvironmentsFolder = "shared/clusterlesshpc/depot/environments/";

        public static Command Create(CliConsole console)
        {
            var pool = CommonOptions.PoolArgument();
            var account = new AccountOptions();
            var command = new Command("manifest", "Print the Manifest.toml the pool's nodes resolved (chpc manifest POOL > Manifest.toml pins it).") { pool };
            account.AddTo(command);
            command.SetAction((parsed, cancellationToken) => BatchSession.RunAsync(console, parsed, account,
                (client, settings) => RunAsync(console, client, settings, parsed.GetRequiredValue(pool), cancellationToken), cancellationToken));
            return command;
        }

        private static async Task<int> RunAsync(CliConsole console, BatchClient client, CliSettings settings, string poolId, CancellationToken cancellationToken)
        {
            var pool = (await client.GetPoolAsync(poolId, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            var hash = pool.Metadata?.FirstOrDefault(m => m.Name == PoolRequestBuilder.DefinitionHashMetadata)?.Value;
            if (string.IsNullOrEmpty(hash))
            {
                console.Error.WriteLine($"error: pool '{poolId}' was not made from a ClusterlessHpc definition (it has no '{PoolRequestBuilder.DefinitionHashMetadata}' metadata), so it has no resolved manifest to read.");
                return ExitCodes.OperationFailed;
            }

            var looked = new List<string>();
            if (Storage(settings) is { } blob)
            {
                if (await blob.ReadResolvedManifestAsync(hash, cancellationToken).ConfigureAwait(false) is { } published)
                {
                    console.Error.WriteLine($"Manifest.toml of pool '{poolId}' (definition {hash}), published by its first node to container '{blob.ContainerName}'.");
                    console.Output.Write(published);
                    return ExitCodes.Done;
                }
                looked.Add($"container '{blob.ContainerName}' has no {SharedInstallBlobs.ResolvedManifest(hash)}");
            }

            var nodes = new List<BatchNode>();
            await foreach (var node in client.GetNodesAsync(poolId, cancellationToken).ConfigureAwait(false)) nodes.Add(node);
            // A node whose start task succeeded has its install; any other node may be half way.
            foreach (var node in nodes.OrderBy(n => n.StartTaskInfo?.Result == BatchTaskExecutionResult.Success ? 0 : 1).ThenBy(n => n.Id, StringComparer.Ordinal))
            {
                var path = await FindManifestAsync(client, poolId, node.Id!, cancellationToken).ConfigureAwait(false);
                if (path is null) continue;
                var (text, _) = await LogsCommand.ReadAsync(client, poolId, node.Id!, path, cancellationToken).ConfigureAwait(false);
                if (text is null) continue;
                console.Error.WriteLine($"Manifest.toml of pool '{poolId}' (definition {hash}), read from node '{node.Id}' ({path}).");
                console.Output.Write(text);
                return ExitCodes.Done;
            }
            looked.Add(nodes.Count == 0 ? "the pool has no nodes" : $"none of its {nodes.Count} node(s) has {EnvironmentsFolder}*/Manifest.toml yet");
            console.Error.WriteLine($"error: no resolved manifest for pool '{poolId}': {string.Join("; ", looked)}.");
            return ExitCodes.OperationFailed;
        }

        /// <summary>The blob storage of the shared install when one is configured (whatever the delivery), else null.</summary>
        private static BlobDelivery? Storage(CliSettings settings)
        {
            try
            {
                return ScriptDeliveryFactory.CreateBlob(settings.Options().Storage);
            }
            catch (ScriptDeliveryException e)
            {
                throw new CliException(ExitCodes.InvalidInput, e.Message, e);
            }
        }

        private static async Task<string?> FindManifestAsync(BatchClient client, string poolId, string nodeId, CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var file in client.GetNodeFilesAsync(poolId, nodeId, recursive: true, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    if (file.IsDirectory == true || file.Name is not { } name || !name.StartsWith(EnvironmentsFolder, StringComparison.Ordinal)) continue;
                    var rest = name[EnvironmentsFolder.Length..];
                    if (rest.EndsWith("/Manifest.toml", StringComparison.Ordinal) && rest.Count(c => c == '/') == 1) return name;
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status is 404 or 409)
            {
                // A node that is gone, or not ready to list its files: another node may answer.
            }
            return null;
        }
    }
}
