using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.State;
using ClusterlessHpc.Emulator.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>The node operations: list a pool's nodes and get one node.</summary>
    internal static class NodeRoutes
    {
        public static void Map(IEndpointRouteBuilder routes, PoolStore store)
        {
            routes.MapGet("/pools/{poolId}/nodes", context => ListAsync(context, store));
            routes.MapGet("/pools/{poolId}/nodes/{nodeId}", context => GetAsync(context, store));
        }

        private static Task ListAsync(HttpContext context, PoolStore store)
        {
            var pool = store.Get(PoolRoutes.PoolId(context));
            var now = store.Now;
            var baseUrl = BaseUrl.Of(context.Request);
            var (page, nextLink) = Paging.Page(context.Request, pool.Nodes, n => n.Id);
            var body = new JsonObject
            {
                ["value"] = new JsonArray(page.Select(n => (JsonNode)NodeView.Render(pool, n, now, baseUrl, store.Settings)).ToArray()),
            };
            if (nextLink is not null) body["odata.nextLink"] = nextLink;
            return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, body);
        }

        private static Task GetAsync(HttpContext context, PoolStore store)
        {
            var pool = store.Get(PoolRoutes.PoolId(context));
            var nodeId = (string)context.Request.RouteValues["nodeId"]!;
            var node = pool.Nodes.FirstOrDefault(n => string.Equals(n.Id, nodeId, System.StringComparison.OrdinalIgnoreCase))
                       ?? throw BatchErrors.NodeNotFound();
            return JsonResponses.WriteAsync(context, StatusCodes.Status200OK,
                NodeView.Render(pool, node, store.Now, BaseUrl.Of(context.Request), store.Settings));
        }
    }
}
