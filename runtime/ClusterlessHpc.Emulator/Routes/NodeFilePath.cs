using System;
using System.Linq;
using ClusterlessHpc.Emulator.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>
    /// The file path of a node file request, read as the service reads it: decoded once from the request line, so
    /// that <c>startup%2Fstdout.txt</c> (what Microsoft's SDKs send) names the same file as <c>startup/stdout.txt</c>,
    /// and <c>\</c> is a separator too (Windows names). A path that could leave the node's folder is refused as the
    /// service's front end refuses a bad URL: an absolute path, a drive, control characters (and, before any route,
    /// <c>.</c> and <c>..</c> segments in any encoding: <see cref="Http.DotSegmentCheck"/>).
    /// </summary>
    internal static class NodeFilePath
    {
        /// <summary>The segments of <c>/pools/{poolId}/nodes/{nodeId}/files/</c> before the file path.</summary>
        private const int PrefixSegments = 5;

        public static string Of(HttpContext context)
        {
            // The raw request line, not the routed path: the server has already decoded all but %2F there, and
            // decoding again would read %252F as a separator.
            var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
            if (string.IsNullOrEmpty(raw) || !raw.StartsWith('/')) raw = context.Request.PathBase.Add(context.Request.Path).ToUriComponent();
            var query = raw.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0) raw = raw[..query];
            var segments = raw.Split('/');
            var encoded = string.Join('/', segments.Skip(1 + PrefixSegments));
            return Check(Uri.UnescapeDataString(encoded));
        }

        /// <summary>The node-relative path with <c>/</c> separators, or <see cref="InvalidUrlException"/>.</summary>
        internal static string Check(string decoded)
        {
            var path = decoded.Replace('\\', '/');
            if (path.Length == 0) throw new InvalidUrlException("The file path is empty.");
            if (path.StartsWith('/')) throw new InvalidUrlException("The file path is absolute.");
            if (path.Any(char.IsControl)) throw new InvalidUrlException("The file path has a control character.");
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && parts[0].Length >= 2 && parts[0][1] == ':') throw new InvalidUrlException("The file path names a drive.");
            return string.Join('/', parts);
        }
    }
}
