using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>
    /// The emulator's own endpoints, under <c>/_emulator/</c>, outside the Batch API's paths: no api-version, no
    /// Shared Key (the emulator listens on loopback only), no fault injection.
    /// <c>PUT /_emulator/pools/{poolId}/autoscale-metrics</c> sets the metrics document (the formula work's metrics
    /// JSON) the pool's autoscale formula is evaluated against, until the next one is put.
    /// </summary>
    internal static class EmulatorControl
    {
        public const string Prefix = "/_emulator";

        public static bool IsControlPath(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

        public static void Map(IEndpointRouteBuilder routes, PoolModel store) =>
            routes.MapPut(Prefix + "/pools/{poolId}/autoscale-metrics", async context =>
            {
                var metrics = await RequestBodies.ReadObjectAsync(context.Request).ConfigureAwait(false);
                store.SetMetrics(PoolRoutes.PoolId(context), metrics);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            });
    }
}
