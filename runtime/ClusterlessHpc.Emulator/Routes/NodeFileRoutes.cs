using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.NodeFiles;
using ClusterlessHpc.Emulator.State;
using ClusterlessHpc.Emulator.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>
    /// The node file operations: list (top level, or everything with <c>recursive=true</c>), get (whole, or the bytes
    /// of <c>ocp-range</c>), get properties (HEAD), with the file's properties in the response headers, and delete.
    /// The file path is read by <see cref="NodeFilePath"/>.
    /// </summary>
    internal static class NodeFileRoutes
    {
        private static readonly System.Collections.Generic.IReadOnlySet<string> Properties = QueryRules.PropertiesOf(typeof(BatchNodeFile));

        public static void Map(IEndpointRouteBuilder routes, PoolModel store)
        {
            routes.MapGet("/pools/{poolId}/nodes/{nodeId}/files", context => ListAsync(context, store));
            routes.MapGet("/pools/{poolId}/nodes/{nodeId}/files/{**filePath}", context => GetAsync(context, store, withContent: true));
            routes.MapMethods("/pools/{poolId}/nodes/{nodeId}/files/{**filePath}", ["HEAD"], context => GetAsync(context, store, withContent: false));
            routes.MapDelete("/pools/{poolId}/nodes/{nodeId}/files/{**filePath}", context => DeleteAsync(context, store));
        }

        private static Task ListAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "$filter", "recursive", "maxresults", "$skiptoken");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            var filter = ODataFilter.Parse(QueryRules.Get(request, "$filter"), Properties);
            var recursive = Recursive(request);
            var baseUrl = BaseUrl.Of(request);
            var (files, node, windows, versions) = store.ReadPool(PoolRoutes.PoolId(context), null, (pool, _) =>
            {
                var found = PoolModel.FindNode(pool, NodeRoutes.NodeId(context));
                return (found.Files, NodeView.Url(baseUrl, pool, found), pool.IsWindows, PoolModel.NodeVersions(found));
            });
            // Outside the lock: an executed node's files are on disk.
            var rendered = files.List(recursive)
                .Select(e => (Name: NodeFileView.Name(e, windows), Json: NodeFileView.Render(e, node, windows)))
                .Where(e => filter?.Matches(e.Json) ?? true)
                .ToList();
            var (page, next) = Paging.Page(request, rendered, e => e.Name);
            return Responses.List(context, ODataMetadata.Files, new JsonArray(page.Select(e => (JsonNode)e.Json).ToArray()), next, versions);
        }

        private static async Task GetAsync(HttpContext context, PoolModel store, bool withContent)
        {
            var request = context.Request;
            QueryRules.Require(request);
            var conditions = ConditionalHeaders.Read(request, ConditionSupport.Dates);
            var path = NodeFilePath.Of(context);
            var baseUrl = BaseUrl.Of(request);
            var (files, nodeUrl, windows) = store.ReadPool(PoolRoutes.PoolId(context), null, (pool, _) =>
            {
                var node = PoolModel.FindNode(pool, NodeRoutes.NodeId(context));
                return (node.Files, NodeView.Url(baseUrl, pool, node), pool.IsWindows);
            });
            var entry = files.Find(path) ?? throw BatchErrors.FileNotFound();
            var etag = "0x" + entry.LastModified.UtcTicks.ToString("X", CultureInfo.InvariantCulture);
            conditions?.Check(etag, entry.LastModified, isRead: true);
            if (withContent && entry.IsDirectory) throw BatchErrors.ResourceTypeMismatch("The path is a directory; list it instead.");

            var response = context.Response;
            response.Headers.ETag = etag;
            response.Headers.LastModified = entry.LastModified.ToString("R", CultureInfo.InvariantCulture);
            response.Headers["ocp-creation-time"] = entry.CreationTime.ToString("R", CultureInfo.InvariantCulture);
            response.Headers["ocp-batch-file-isdirectory"] = entry.IsDirectory ? "true" : "false";
            response.Headers["ocp-batch-file-url"] = NodeFileView.Url(nodeUrl, entry, windows);
            if (!windows && entry.FileMode is not null) response.Headers["ocp-batch-file-mode"] = entry.FileMode;
            // Not in the service's API, whose clients ignore a header they do not know; ours say why the output is empty.
            if (files.IsSimulated) response.Headers[EmulatorNotices.StartTaskHeader] = EmulatorNotices.SimulatedStartTaskValue;
            response.ContentType = NodeFileView.ContentType(entry.Name);
            response.StatusCode = StatusCodes.Status200OK;
            if (!withContent)
            {
                response.ContentLength = entry.Length;
                return;
            }
            var bytes = files.Read(path);
            var (start, length) = Range(request.Headers["ocp-range"].ToString(), bytes.LongLength);
            response.ContentLength = length;
            await response.Body.WriteAsync(bytes.AsMemory((int)start, (int)length), context.RequestAborted).ConfigureAwait(false);
        }

        /// <summary>DELETE: 200 with no body; a directory must be empty unless <c>recursive=true</c>.</summary>
        private static Task DeleteAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "recursive");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            var path = NodeFilePath.Of(context);
            var recursive = Recursive(request);
            var files = store.ReadPool(PoolRoutes.PoolId(context), null, (pool, _) => PoolModel.FindNode(pool, NodeRoutes.NodeId(context)).Files);
            switch (files.Delete(path, recursive))
            {
                case NodeFileDeletion.NotFound:
                    throw BatchErrors.FileNotFound();
                case NodeFileDeletion.DirectoryNotEmpty:
                    throw BatchErrors.DirectoryNotEmpty(path);
            }
            return Responses.Empty(context, StatusCodes.Status200OK);
        }

        private static bool Recursive(HttpRequest request)
        {
            var text = QueryRules.Get(request, "recursive");
            if (text is null) return false;
            return bool.TryParse(text, out var recursive)
                ? recursive
                : throw BatchErrors.InvalidQueryParameterValue("recursive", text, "recursive must be true or false.");
        }

        /// <summary>The bytes an <c>ocp-range: bytes=start-end</c> asks for (end inclusive and optional); all of them without one.</summary>
        internal static (long Start, long Length) Range(string header, long size)
        {
            if (header.Length == 0) return (0, size);
            const string prefix = "bytes=";
            var dash = header.IndexOf('-', StringComparison.Ordinal);
            if (!header.StartsWith(prefix, StringComparison.Ordinal) || dash < 0 ||
                !long.TryParse(header.AsSpan(prefix.Length, dash - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                throw BatchErrors.InvalidHeaderValue("ocp-range", "The range must be bytes=start-end.");
            }
            var endText = header[(dash + 1)..];
            long end = size - 1;
            if (endText.Length > 0 && !long.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out end))
            {
                throw BatchErrors.InvalidHeaderValue("ocp-range", "The range must be bytes=start-end.");
            }
            if (start >= size || end < start) throw BatchErrors.InvalidRange(header);
            end = Math.Min(end, size - 1);
            return (start, end - start + 1);
        }
    }
}
