using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>The node file operations: what a node's tasks left on its disk, such as the start task's <c>startup/stdout.txt</c>.</summary>
    public partial class BatchClient
    {
        /// <summary>The start task's standard output, relative to the node's root directory.</summary>
        public const string StartTaskStdOutPath = "startup/stdout.txt";

        /// <summary>The start task's standard error, relative to the node's root directory.</summary>
        public const string StartTaskStdErrPath = "startup/stderr.txt";

        /// <summary>
        /// Lists the files and directories on a node (GET /pools/{poolId}/nodes/{nodeId}/files): the top level, or
        /// everything below it with <paramref name="recursive"/>. <paramref name="filter"/> is an OData filter such as
        /// <c>startswith(name,'startup')</c>.
        /// </summary>
        public virtual AsyncPageable<BatchNodeFile> GetNodeFilesAsync(
            string poolId,
            string nodeId,
            string? filter = null,
            bool? recursive = null,
            int? maxResults = null,
            CancellationToken cancellationToken = default)
        {
            return ListFiles("GetNodeFiles", NodePath(poolId, nodeId) + "/files", filter, recursive, maxResults, cancellationToken);
        }

        /// <summary>
        /// Reads a file on a node (GET /pools/{poolId}/nodes/{nodeId}/files/{filePath}), or the bytes of
        /// <paramref name="range"/> (sent as <c>ocp-range</c>). A missing file fails with <c>FileNotFound</c> (404).
        /// Only <see cref="RequestConditions.IfModifiedSince"/> and <see cref="RequestConditions.IfUnmodifiedSince"/> apply.
        /// </summary>
        public virtual async Task<Response<BinaryData>> GetNodeFileAsync(
            string poolId,
            string nodeId,
            string filePath,
            HttpRange? range = null,
            RequestConditions? requestConditions = null,
            CancellationToken cancellationToken = default) =>
            await GetFileAsync("GetNodeFile", FilePath(poolId, nodeId, filePath), range, requestConditions, cancellationToken).ConfigureAwait(false);

        /// <summary>
        /// The properties of a file on a node, from the headers of HEAD /pools/{poolId}/nodes/{nodeId}/files/{filePath}.
        /// </summary>
        public virtual async Task<Response<BatchFileProperties>> GetNodeFilePropertiesAsync(
            string poolId,
            string nodeId,
            string filePath,
            RequestConditions? requestConditions = null,
            CancellationToken cancellationToken = default) =>
            await GetFilePropertiesAsync("GetNodeFileProperties", FilePath(poolId, nodeId, filePath), requestConditions, cancellationToken).ConfigureAwait(false);

        /// <summary>
        /// Deletes a file on a node (DELETE /pools/{poolId}/nodes/{nodeId}/files/{filePath}, 200), or a directory: an
        /// empty one, or with <paramref name="recursive"/> everything in it. A missing file fails with <c>FileNotFound</c> (404).
        /// </summary>
        public virtual async Task<Response> DeleteNodeFileAsync(
            string poolId,
            string nodeId,
            string filePath,
            bool? recursive = null,
            CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Delete, FilePath(poolId, nodeId, filePath), 200);
            if (recursive is { } value) AddQuery(message, "recursive", value ? "true" : "false");
            return await SendAsync("DeleteNodeFile", message, cancellationToken).ConfigureAwait(false);
        }

        private static string FilePath(string poolId, string nodeId, string filePath) =>
            NodePath(poolId, nodeId) + "/files/" + FilePathSegments(filePath);
    }
}
