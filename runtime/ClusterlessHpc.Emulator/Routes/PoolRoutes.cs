using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.Validation;
using ClusterlessHpc.Emulator.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>The pool resource: add, list, get, exists, patch and delete.</summary>
    internal static class PoolRoutes
    {
        private static readonly System.Collections.Generic.IReadOnlySet<string> Properties = QueryRules.PropertiesOf(typeof(BatchPool));

        public static void Map(IEndpointRouteBuilder routes, PoolModel store)
        {
            routes.MapPost("/pools", context => AddAsync(context, store));
            routes.MapGet("/pools", context => ListAsync(context, store));
            routes.MapGet("/pools/{poolId}", context => GetAsync(context, store));
            routes.MapMethods("/pools/{poolId}", ["HEAD"], context => ExistsAsync(context, store));
            routes.MapPatch("/pools/{poolId}", context => PatchAsync(context, store));
            routes.MapDelete("/pools/{poolId}", context => DeleteAsync(context, store));
        }

        internal static string PoolId(HttpContext context) => (string)context.Request.RouteValues["poolId"]!;

        private static async Task AddAsync(HttpContext context, PoolModel store)
        {
            QueryRules.Require(context.Request);
            ConditionalHeaders.Read(context.Request, ConditionSupport.None);
            var spec = await RequestBodies.ReadAsync(context.Request, BatchJson.TypeInfo<BatchPoolCreateOptions>()).ConfigureAwait(false);
            PoolAddValidation.Validate(spec);
            if (spec.EnableAutoScale == true) store.CheckFormula(spec.AutoScaleFormula!);
            var versions = store.Add(spec);
            await Responses.Empty(context, StatusCodes.Status201Created, versions, Responses.PoolUrl(context.Request, spec.Id)).ConfigureAwait(false);
        }

        private static Task ListAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "$filter", "$select", "$expand", "maxresults", "$skiptoken");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            var filter = ODataFilter.Parse(QueryRules.Get(request, "$filter"), Properties);
            var select = ODataSelect.Parse(QueryRules.Get(request, "$select"), Properties);
            var stats = ExpandsStats(request);
            var baseUrl = BaseUrl.Of(request);
            var (items, nextLink, versions) = store.Read((pools, now) =>
            {
                var rendered = pools.Select(p => (p.Id, Json: PoolView.Render(p, now, baseUrl, stats)))
                    .Where(p => filter?.Matches(p.Json) ?? true)
                    .ToList();
                var (page, next) = Paging.Page(request, rendered, p => p.Id);
                var latest = pools.Count == 0 ? now : pools.Max(p => p.LastModified);
                return (page.Select(p => (JsonNode)(select?.Apply(p.Json) ?? p.Json)).ToArray(), next, new Versions("0x" + latest.UtcTicks.ToString("X", System.Globalization.CultureInfo.InvariantCulture), latest));
            });
            return Responses.List(context, ODataMetadata.Pools, new JsonArray(items), nextLink, versions);
        }

        private static Task GetAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "$select", "$expand");
            var conditions = ConditionalHeaders.Read(request, ConditionSupport.All);
            var select = ODataSelect.Parse(QueryRules.Get(request, "$select"), Properties);
            var stats = ExpandsStats(request);
            var (json, versions) = store.ReadPool(PoolId(context), conditions?.ForModel(isRead: true), (pool, now) =>
                (PoolView.Render(pool, now, BaseUrl.Of(request), stats), new Versions(pool.ETag, pool.LastModified)));
            Responses.SetVersions(context.Response, versions);
            return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, select?.Apply(json) ?? json, ODataMetadata.Pool);
        }

        /// <summary>HEAD: 200 with the version headers, or 404 with no body (HEAD responses have none).</summary>
        private static Task ExistsAsync(HttpContext context, PoolModel store)
        {
            QueryRules.Require(context.Request);
            var conditions = ConditionalHeaders.Read(context.Request, ConditionSupport.All);
            try
            {
                var versions = store.ReadPool(PoolId(context), conditions?.ForModel(isRead: true), (pool, _) => new Versions(pool.ETag, pool.LastModified));
                return Responses.Empty(context, StatusCodes.Status200OK, versions);
            }
            catch (PoolModelException e) when (e.Code == "PoolNotFound")
            {
                return Responses.Empty(context, StatusCodes.Status404NotFound);
            }
        }

        private static async Task PatchAsync(HttpContext context, PoolModel store)
        {
            QueryRules.Require(context.Request);
            var conditions = ConditionalHeaders.Read(context.Request, ConditionSupport.All);
            var patch = await RequestBodies.ReadAsync(context.Request, BatchJson.TypeInfo<BatchPoolUpdateOptions>()).ConfigureAwait(false);
            PoolAddValidation.ValidatePatch(patch);
            var versions = store.Patch(PoolId(context), patch, conditions?.ForModel(isRead: false));
            await Responses.Empty(context, StatusCodes.Status200OK, versions, Responses.PoolUrl(context.Request, PoolId(context))).ConfigureAwait(false);
        }

        private static Task DeleteAsync(HttpContext context, PoolModel store)
        {
            QueryRules.Require(context.Request);
            var conditions = ConditionalHeaders.Read(context.Request, ConditionSupport.All);
            store.Delete(PoolId(context), conditions?.ForModel(isRead: false));
            return Responses.Empty(context, StatusCodes.Status202Accepted);
        }

        private static bool ExpandsStats(HttpRequest request)
        {
            var expand = QueryRules.Get(request, "$expand");
            if (string.IsNullOrWhiteSpace(expand)) return false;
            foreach (var name in expand.Split(',').Select(n => n.Trim()))
            {
                if (!string.Equals(name, "stats", StringComparison.Ordinal))
                {
                    throw BatchErrors.InvalidQueryParameterValue("$expand", expand, "Pools expand only 'stats'.");
                }
            }
            return true;
        }
    }
}
