using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// The file operations' requests, one each for the node files and the task files: the service answers both the
    /// same way (NodeFile lists, the bytes, the properties in the headers) and only the path differs.
    /// </summary>
    public partial class BatchClient
    {
        private AsyncPageable<BatchNodeFile> ListFiles(
            string operation, string directoryPath, string? filter, bool? recursive, int? maxResults, CancellationToken cancellationToken) =>
            List(operation, directoryPath, BatchJsonContext.Default.BatchListResultBatchNodeFile, message =>
            {
                AddQuery(message, "$filter", filter);
                AddQuery(message, "recursive", recursive);
            }, maxResults, cancellationToken);

        private async Task<Response<BinaryData>> GetFileAsync(
            string operation, string filePath, HttpRange? range, RequestConditions? requestConditions, CancellationToken cancellationToken)
        {
            using var message = CreateMessage(RequestMethod.Get, filePath, 200);
            message.Request.Headers.SetValue("Accept", "application/octet-stream");
            if (range is { } bytes) message.Request.Headers.SetValue("ocp-range", bytes.ToString());
            AddConditions(message, requestConditions, datesOnly: true);
            return await SendAsync(operation, message, response => Response.FromValue(response.Content, response), cancellationToken).ConfigureAwait(false);
        }

        private async Task<Response<BatchFileProperties>> GetFilePropertiesAsync(
            string operation, string filePath, RequestConditions? requestConditions, CancellationToken cancellationToken)
        {
            using var message = CreateMessage(RequestMethod.Head, filePath, 200);
            AddConditions(message, requestConditions, datesOnly: true);
            return await SendAsync(operation, message, response => Response.FromValue(BatchFileProperties.FromHeaders(response), response),
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Each segment escaped on its own, so the path's separators stay separators.</summary>
        private static string FilePathSegments(string filePath)
        {
            ArgumentException.ThrowIfNullOrEmpty(filePath);
            return string.Join("/", filePath.TrimStart('/').Split('/').Select(Uri.EscapeDataString));
        }
    }
}
