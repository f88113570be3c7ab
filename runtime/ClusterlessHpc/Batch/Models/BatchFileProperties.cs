using System;
using System.Globalization;
using Azure;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// A node file's properties as the get-file and get-file-properties operations report them in headers:
    /// <c>ocp-batch-file-isdirectory</c>, <c>ocp-batch-file-url</c>, <c>ocp-batch-file-mode</c>, <c>ocp-creation-time</c>,
    /// <c>Last-Modified</c>, <c>Content-Length</c>, <c>Content-Type</c> and <c>ETag</c>.
    /// </summary>
    public sealed class BatchFileProperties
    {
        public bool IsDirectory { get; init; }

        public string? Url { get; init; }

        /// <summary>The file mode in octal (Linux nodes only).</summary>
        public string? FileMode { get; init; }

        /// <summary>Not reported for files on Linux nodes.</summary>
        public DateTimeOffset? CreationTime { get; init; }

        public DateTimeOffset? LastModified { get; init; }

        public long ContentLength { get; init; }

        public string? ContentType { get; init; }

        public ETag? ETag { get; init; }

        internal static BatchFileProperties FromHeaders(Response response)
        {
            var headers = response.Headers;
            return new BatchFileProperties
            {
                IsDirectory = headers.TryGetValue("ocp-batch-file-isdirectory", out var isDirectory) &&
                              bool.TryParse(isDirectory, out var directory) && directory,
                Url = headers.TryGetValue("ocp-batch-file-url", out var url) ? url : null,
                FileMode = headers.TryGetValue("ocp-batch-file-mode", out var mode) ? mode : null,
                CreationTime = Date(headers, "ocp-creation-time"),
                LastModified = Date(headers, "Last-Modified"),
                ContentLength = headers.ContentLength ?? 0,
                ContentType = headers.ContentType,
                // Batch ETags are unquoted (0x8D...), which Azure.Core's typed ETag header refuses: read it raw.
                ETag = headers.TryGetValue("ETag", out var etag) ? new ETag(etag) : null,
            };
        }

        private static DateTimeOffset? Date(Azure.Core.ResponseHeaders headers, string name) =>
            headers.TryGetValue(name, out var text) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                ? value
                : null;
    }
}
