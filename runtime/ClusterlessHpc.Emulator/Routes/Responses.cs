using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>The response shapes the operations share: version headers, <c>DataServiceId</c>, bodiless statuses, lists.</summary>
    internal static class Responses
    {
        public static void SetVersions(HttpResponse response, Versions versions)
        {
            response.Headers.ETag = versions.ETag;
            response.Headers.LastModified = versions.LastModified.ToString("R", CultureInfo.InvariantCulture);
        }

        /// <summary>A bodiless success with the resource's versions and <c>DataServiceId</c> (its URL).</summary>
        public static Task Empty(HttpContext context, int status, Versions? versions = null, string? dataServiceId = null)
        {
            if (versions is { } v) SetVersions(context.Response, v);
            if (dataServiceId is not null) context.Response.Headers["DataServiceId"] = dataServiceId;
            context.Response.StatusCode = status;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }

        /// <summary>A page of a list: <c>odata.metadata</c> for <paramref name="metadataKind"/>, <c>value</c>, and <c>odata.nextLink</c> when there is more.</summary>
        public static Task List(HttpContext context, string metadataKind, JsonArray items, string? nextLink, Versions? versions = null)
        {
            var body = new JsonObject { ["value"] = items };
            if (nextLink is not null) body["odata.nextLink"] = nextLink;
            if (versions is { } v) SetVersions(context.Response, v);
            return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, body, metadataKind);
        }

        public static string PoolUrl(HttpRequest request, string poolId) => BaseUrl.Of(request) + "pools/" + Uri.EscapeDataString(poolId);
    }
}
