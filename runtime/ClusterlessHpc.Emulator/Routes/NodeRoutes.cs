using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>The node operations: list, get, reboot and reimage.</summary>
    internal static class NodeRoutes
    {
        private static readonly System.Collections.Generic.IReadOnlySet<string> Properties = QueryRules.PropertiesOf(typeof(BatchNode));

        public static void Map(IEndpointRouteBuilder routes, PoolModel store)
        {
            routes.MapGet("/pools/{poolId}/nodes", context => ListAsync(context, store));
            routes.MapGet("/pools/{poolId}/nodes/{nodeId}", context => GetAsync(context, store));
            routes.MapPost("/pools/{poolId}/nodes/{nodeId}/reboot", context => RestartAsync(context, store, reimage: false));
            routes.MapPost("/pools/{poolId}/nodes/{nodeId}/reimage", context => RestartAsync(context, store, reimage: true));
        }

        internal static string NodeId(HttpContext context) => (string)context.Request.RouteValues["nodeId"]!;

        private static Task ListAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "$filter", "$select", "maxresults", "$skiptoken");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            var filter = ODataFilter.Parse(QueryRules.Get(request, "$filter"), Properties);
            var select = ODataSelect.Parse(QueryRules.Get(request, "$select"), Properties);
            var baseUrl = BaseUrl.Of(request);
            var (items, nextLink, versions) = store.ReadPool(PoolRoutes.PoolId(context), null, (pool, _) =>
            {
                var rendered = pool.Nodes.Select(n => (n.Id, Json: NodeView.Render(pool, n, baseUrl)))
                    .Where(n => filter?.Matches(n.Json) ?? true)
                    .ToList();
                var (page, next) = Paging.Page(request, rendered, n => n.Id);
                return (page.Select(n => (JsonNode)(select?.Apply(n.Json) ?? n.Json)).ToArray(), next, new Versions(pool.ETag, pool.LastModified));
            });
            return Responses.List(context, ODataMetadata.Nodes, new JsonArray(items), nextLink, versions);
        }

        private static Task GetAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "$select");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            var select = ODataSelect.Parse(QueryRules.Get(request, "$select"), Properties);
            var (json, versions) = store.ReadPool(PoolRoutes.PoolId(context), null, (pool, _) =>
            {
                var node = PoolModel.FindNode(pool, NodeId(context));
                return (NodeView.Render(pool, node, BaseUrl.Of(request)), PoolModel.NodeVersions(node));
            });
            Responses.SetVersions(context.Response, versions);
            return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, select?.Apply(json) ?? json, ODataMetadata.Node);
        }

        private static async Task RestartAsync(HttpContext context, PoolModel store, bool reimage)
        {
            QueryRules.Require(context.Request);
            ConditionalHeaders.Read(context.Request, ConditionSupport.None);
            // The body is optional. Its option decides what happens to the node's running tasks: terminate ends them;
            // requeue (the default) returns them to active, and so do taskcompletion and retaineddata, which the emulator
            // does not wait for (docs: the emulator's README).
            var terminate = false;
            if (context.Request.ContentLength is > 0)
            {
                if (reimage) terminate = (await RequestBodies.ReadAsync(context.Request, BatchJson.TypeInfo<BatchNodeReimageOptions>()).ConfigureAwait(false)).NodeReimageOption == BatchNodeReimageOption.Terminate;
                else terminate = (await RequestBodies.ReadAsync(context.Request, BatchJson.TypeInfo<BatchNodeRebootOptions>()).ConfigureAwait(false)).NodeRebootKind == BatchNodeRebootKind.Terminate;
            }
            var poolId = PoolRoutes.PoolId(context);
            var versions = reimage ? store.ReimageNode(poolId, NodeId(context), terminate) : store.RebootNode(poolId, NodeId(context), terminate);
            var url = Responses.PoolUrl(context.Request, poolId) + "/nodes/" + NodeId(context);
            await Responses.Empty(context, StatusCodes.Status202Accepted, versions, url).ConfigureAwait(false);
        }
    }
}
