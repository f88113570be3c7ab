using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>The account operations: supported images, pool node counts and pool usage metrics.</summary>
    internal static class AccountRoutes
    {
        private static readonly System.Collections.Generic.IReadOnlySet<string> ImageProperties = QueryRules.PropertiesOf(typeof(BatchSupportedImage));
        private static readonly System.Collections.Generic.IReadOnlySet<string> CountProperties = QueryRules.PropertiesOf(typeof(BatchPoolNodeCounts));
        private static readonly System.Collections.Generic.IReadOnlySet<string> UsageProperties =
            new System.Collections.Generic.HashSet<string>(["poolId", "startTime", "endTime", "vmSize", "totalCoreHours"], StringComparer.Ordinal);

        public static void Map(IEndpointRouteBuilder routes, PoolModel store)
        {
            routes.MapGet("/supportedimages", ListImagesAsync);
            routes.MapGet("/nodecounts", context => ListNodeCountsAsync(context, store));
            routes.MapGet("/poolusagemetrics", context => ListUsageMetricsAsync(context, store));
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
            return Responses.List(context, ODataMetadata.SupportedImages, new JsonArray(page.Select(i => (JsonNode)i.Json).ToArray()), next, AccountViews.CatalogueVersion);
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
            return Responses.List(context, ODataMetadata.NodeCounts, new JsonArray(page.Select(p => (JsonNode)p.Json).ToArray()), next);
        }

        /// <summary>
        /// Without <c>starttime</c> and <c>endtime</c>, the last interval that has ended; with them, every ended interval
        /// that starts between them. Pools that no longer exist are not listed: the emulator forgets a deleted pool.
        /// </summary>
        private static Task ListUsageMetricsAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "starttime", "endtime", "$filter", "maxresults", "$skiptoken");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            var filter = ODataFilter.Parse(QueryRules.Get(request, "$filter"), UsageProperties);
            var startTime = Time(request, "starttime");
            var endTime = Time(request, "endtime");
            if (startTime is { } s && endTime is { } e && e < s)
            {
                throw BatchErrors.InvalidQueryParameterValue("endtime", QueryRules.Get(request, "endtime")!, "endtime must not be before starttime.");
            }
            var rendered = store.Read((pools, now) =>
            {
                var available = UsageMetricsView.IntervalStart(now);
                var from = startTime ?? available - UsageMetricsView.Interval;
                var to = endTime is { } end && end < available ? end : available;
                return pools.SelectMany(p => UsageMetricsView.Render(p, from, to)).ToList();
            }).Where(m => filter?.Matches(m.Json) ?? true).ToList();
            var (page, next) = Paging.Page(request, rendered, m => m.Key);
            return Responses.List(context, ODataMetadata.UsageMetrics, new JsonArray(page.Select(m => (JsonNode)m.Json).ToArray()), next);
        }

        private static DateTimeOffset? Time(HttpRequest request, string name)
        {
            var text = QueryRules.Get(request, name);
            if (text is null) return null;
            if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var time))
            {
                throw BatchErrors.InvalidQueryParameterValue(name, text, name + " must be a date-time such as 2025-03-01T12:00:00Z.");
            }
            return time;
        }
    }
}
