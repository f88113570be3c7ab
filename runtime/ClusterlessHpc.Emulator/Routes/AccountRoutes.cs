using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.State;
using ClusterlessHpc.Emulator.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>The account operations: supported images and pool node counts.</summary>
    internal static class AccountRoutes
    {
        private static readonly System.Collections.Generic.IReadOnlySet<string> ImageProperties = QueryRules.PropertiesOf(typeof(BatchSupportedImage));
        private static readonly System.Collections.Generic.IReadOnlySet<string> CountProperties = QueryRules.PropertiesOf(typeof(BatchPoolNodeCounts));

        public static void Map(IEndpointRouteBuilder routes, PoolModel store)
        {
            routes.MapGet("/supportedimages", ListImagesAsync);
            routes.MapGet("/nodecounts", context => ListNodeCountsAsync(context, store));
        }

        private static Task ListImagesAsync(HttpContext context)
        {
            var request = context.Request;
            QueryRules.Require(request, "$filter", "maxresults", "$skiptoken");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            var filter = ODataFilter.Parse(QueryRules.Get(request, "$filter"), ImageProperties);
            var rendered = AccountViews.SupportedImages
                .Select(i => (Key: AccountViews.Key(i), Json: AccountViews.Render(i)))
                .Where(i => filter?.Matches(i.Json) ?? true)
                .ToList();
            var (page, next) = Paging.Page(request, rendered, i => i.Key);
            return Responses.List(context, new JsonArray(page.Select(i => (JsonNode)i.Json).ToArray()), next, AccountViews.CatalogueVersion);
        }

        private static Task ListNodeCountsAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "$filter", "maxresults", "$skiptoken");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            var filter = ODataFilter.Parse(QueryRules.Get(request, "$filter"), CountProperties);
            var rendered = store.Read((pools, _) => pools.Select(p => (p.Id, Json: AccountViews.NodeCounts(p))).ToList())
                .Where(p => filter?.Matches(p.Json) ?? true)
                .ToList();
            var (page, next) = Paging.Page(request, rendered, p => p.Id);
            return Responses.List(context, new JsonArray(page.Select(p => (JsonNode)p.Json).ToArray()), next);
        }
    }
}
