using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.Views;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>
    /// What the node file and task file operations answer alike, the service's file responses: a list's query
    /// (<c>$filter</c>, <c>recursive</c>, paging) and a file's GET or HEAD (the file's properties in the headers, the
    /// whole file or the bytes of <c>ocp-range</c>). Only where the files are and how their URLs read differ.
    /// </summary>
    internal static class FileResponses
    {
        private static readonly IReadOnlySet<string> Properties = QueryRules.PropertiesOf(typeof(BatchNodeFile));

        /// <summary>The list's query, checked before anything is looked up: its <c>$filter</c> and whether it is recursive.</summary>
        public static (ODataFilter? Filter, bool Recursive) ReadListQuery(HttpRequest request)
        {
            QueryRules.Require(request, "$filter", "recursive", "maxresults", "$skiptoken");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            return (ODataFilter.Parse(QueryRules.Get(request, "$filter"), Properties), Recursive(request));
        }

        /// <summary>The entries rendered, filtered and paged, answered as the service's <c>files</c> list.</summary>
        public static Task ListAsync(
            HttpContext context, IEnumerable<NodeFileEntry> entries, Func<NodeFileEntry, (string Name, JsonObject Json)> render, ODataFilter? filter, Versions versions)
        {
            var rendered = entries.Select(render).Where(e => filter?.Matches(e.Json) ?? true).ToList();
            var (page, next) = Paging.Page(context.Request, rendered, e => e.Name);
            return Responses.List(context, ODataMetadata.Files, new JsonArray(page.Select(e => (JsonNode)e.Json).ToArray()), next, versions);
        }

        /// <summary>
        /// GET (<paramref name="withContent"/>) or HEAD of <paramref name="entry"/>: its ETag and dates, whether it is a
        /// directory, its URL and mode in the headers; for GET its bytes, or those <c>ocp-range</c> asks for. A notice the
        /// service does not send (which clients ignore) may say why an emulated file is empty.
        /// </summary>
        public static async Task WriteAsync(
            HttpContext context, ConditionalHeaders? conditions, NodeFileEntry entry, string fileUrl, string? fileMode,
            KeyValuePair<string, string>? notice, Func<byte[]> read, bool withContent)
        {
            var etag = "0x" + entry.LastModified.UtcTicks.ToString("X", CultureInfo.InvariantCulture);
            conditions?.Check(etag, entry.LastModified, isRead: true);
            if (withContent && entry.IsDirectory) throw BatchErrors.ResourceTypeMismatch("The path is a directory; list it instead.");

            var response = context.Response;
            response.Headers.ETag = etag;
            response.Headers.LastModified = entry.LastModified.ToString("R", CultureInfo.InvariantCulture);
            response.Headers["ocp-creation-time"] = entry.CreationTime.ToString("R", CultureInfo.InvariantCulture);
            response.Headers["ocp-batch-file-isdirectory"] = entry.IsDirectory ? "true" : "false";
            response.Headers["ocp-batch-file-url"] = fileUrl;
            if (fileMode is not null) response.Headers["ocp-batch-file-mode"] = fileMode;
            if (notice is { } header) response.Headers[header.Key] = header.Value;
            response.ContentType = NodeFileView.ContentType(entry.Name);
            response.StatusCode = StatusCodes.Status200OK;
            if (!withContent)
            {
                response.ContentLength = entry.Length;
                return;
            }
            var bytes = read();
            var (start, length) = Range(context.Request.Headers["ocp-range"].ToString(), bytes.LongLength);
            response.ContentLength = length;
            await response.Body.WriteAsync(bytes.AsMemory((int)start, (int)length), context.RequestAborted).ConfigureAwait(false);
        }

        public static bool Recursive(HttpRequest request)
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
