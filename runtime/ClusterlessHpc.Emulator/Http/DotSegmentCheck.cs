using System;
using System.Linq;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary>
    /// Refuses a request line whose path has a <c>.</c> or <c>..</c> segment in any encoding (<c>..</c>,
    /// <c>%2E%2E</c>, <c>..%2F</c>, <c>..%5C</c>) as the service's front end refuses a bad URL. The server would
    /// otherwise resolve them and route the request elsewhere (<c>nodes/n/files/../../x</c> is node <c>x</c>), and a
    /// node file path must never climb out of its node. No client sends such segments: they remove them first.
    /// </summary>
    internal static class DotSegmentCheck
    {
        public static Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
            var query = raw.IndexOf('?', StringComparison.Ordinal);
            var path = query < 0 ? raw : raw[..query];
            if (path.Split('/').Select(Uri.UnescapeDataString).SelectMany(s => s.Split('/', '\\')).Any(s => s is "." or ".."))
            {
                throw new InvalidUrlException("The path has a '.' or '..' segment.");
            }
            return next(context);
        }
    }
}
