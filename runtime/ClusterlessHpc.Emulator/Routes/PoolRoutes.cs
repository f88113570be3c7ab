using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.State;
using ClusterlessHpc.Emulator.Validation;
using ClusterlessHpc.Emulator.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>The pool operations: add (POST /pools), list (GET /pools), get and delete (/pools/{poolId}).</summary>
    internal static class PoolRoutes
    {
        public static void Map(IEndpointRouteBuilder routes, PoolStore store)
        {
            routes.MapPost("/pools", context => AddAsync(context, store));
            routes.MapGet("/pools", context => ListAsync(context, store));
            routes.MapGet("/pools/{poolId}", context => GetAsync(context, store));
            routes.MapDelete("/pools/{poolId}", context => DeleteAsync(context, store));
        }

        private static async Task AddAsync(HttpContext context, PoolStore store)
        {
            var (spec, taskSchedulingPolicy) = await PoolRequestReader.ReadAsync(context.Request).ConfigureAwait(false);
            PoolAddValidation.Validate(spec);
            var pool = store.Add(spec, taskSchedulingPolicy);

            SetVersionHeaders(context.Response, pool);
            context.Response.Headers["DataServiceId"] = BaseUrl.Of(context.Request) + "pools/" + System.Uri.EscapeDataString(pool.Id);
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.ContentLength = 0;
        }

        private static Task ListAsync(HttpContext context, PoolStore store)
        {
            var now = store.Now;
            var baseUrl = BaseUrl.Of(context.Request);
            var (page, nextLink) = Paging.Page(context.Request, store.List(), p => p.Id);
            var body = new JsonObject
            {
                ["value"] = new JsonArray(page.Select(p => (JsonNode)PoolView.Render(p, now, baseUrl, store.Settings)).ToArray()),
            };
            if (nextLink is not null) body["odata.nextLink"] = nextLink;
            return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, body);
        }

        private static Task GetAsync(HttpContext context, PoolStore store)
        {
            var pool = store.Get(PoolId(context));
            SetVersionHeaders(context.Response, pool);
            return JsonResponses.WriteAsync(context, StatusCodes.Status200OK,
                PoolView.Render(pool, store.Now, BaseUrl.Of(context.Request), store.Settings));
        }

        private static Task DeleteAsync(HttpContext context, PoolStore store)
        {
            store.Delete(PoolId(context));
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }

        internal static string PoolId(HttpContext context) => (string)context.Request.RouteValues["poolId"]!;

        private static void SetVersionHeaders(HttpResponse response, EmulatedPool pool)
        {
            response.Headers.ETag = pool.ETag;
            response.Headers.LastModified = pool.LastModified.ToString("R", CultureInfo.InvariantCulture);
        }
    }
}
