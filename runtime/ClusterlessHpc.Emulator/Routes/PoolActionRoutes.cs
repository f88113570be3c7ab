using System.Text.Json;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>The pool actions: update properties, resize, stop resize, enable, disable and evaluate autoscale, remove nodes.</summary>
    internal static class PoolActionRoutes
    {
        public static void Map(IEndpointRouteBuilder routes, PoolModel store)
        {
            routes.MapPost("/pools/{poolId}/updateproperties", context => ReplaceAsync(context, store));
            routes.MapPost("/pools/{poolId}/resize", context => ResizeAsync(context, store));
            routes.MapPost("/pools/{poolId}/stopresize", context => StopResizeAsync(context, store));
            routes.MapPost("/pools/{poolId}/enableautoscale", context => EnableAutoScaleAsync(context, store));
            routes.MapPost("/pools/{poolId}/disableautoscale", context => DisableAutoScaleAsync(context, store));
            routes.MapPost("/pools/{poolId}/evaluateautoscale", context => EvaluateAutoScaleAsync(context, store));
            routes.MapPost("/pools/{poolId}/removenodes", context => RemoveNodesAsync(context, store));
        }

        private static async Task ReplaceAsync(HttpContext context, PoolModel store)
        {
            Accept(context, ConditionSupport.None);
            var json = await RequestBodies.ReadObjectAsync(context.Request).ConfigureAwait(false);
            foreach (var required in new[] { "certificateReferences", "applicationPackageReferences", "metadata" })
            {
                if (!json.TryGetProperty(required, out _)) throw BatchErrors.MissingRequiredProperty(required);
            }
            var body = RequestBodies.Deserialize(json, BatchJson.TypeInfo<BatchPoolReplaceOptions>());
            PoolAddValidation.ValidateStartTask(body.StartTask);
            PoolAddValidation.ValidateMetadata(body.Metadata);
            var versions = store.ReplaceProperties(PoolRoutes.PoolId(context), body);
            await Done(context, StatusCodes.Status204NoContent, versions).ConfigureAwait(false);
        }

        private static async Task ResizeAsync(HttpContext context, PoolModel store)
        {
            var conditions = Accept(context, ConditionSupport.All);
            var body = await RequestBodies.ReadAsync(context.Request, BatchJson.TypeInfo<BatchPoolResizeOptions>()).ConfigureAwait(false);
            var versions = store.ResizePool(PoolRoutes.PoolId(context), body, conditions?.ForModel(isRead: false));
            await Done(context, StatusCodes.Status202Accepted, versions).ConfigureAwait(false);
        }

        private static Task StopResizeAsync(HttpContext context, PoolModel store)
        {
            var conditions = Accept(context, ConditionSupport.All);
            var versions = store.StopResize(PoolRoutes.PoolId(context), conditions?.ForModel(isRead: false));
            return Done(context, StatusCodes.Status202Accepted, versions);
        }

        private static async Task EnableAutoScaleAsync(HttpContext context, PoolModel store)
        {
            var conditions = Accept(context, ConditionSupport.All);
            var body = await RequestBodies.ReadAsync(context.Request, BatchJson.TypeInfo<BatchPoolEnableAutoScaleOptions>()).ConfigureAwait(false);
            var versions = store.EnableAutoScale(PoolRoutes.PoolId(context), body, conditions?.ForModel(isRead: false));
            await Done(context, StatusCodes.Status200OK, versions).ConfigureAwait(false);
        }

        private static Task DisableAutoScaleAsync(HttpContext context, PoolModel store)
        {
            Accept(context, ConditionSupport.None);
            var versions = store.DisableAutoScale(PoolRoutes.PoolId(context));
            return Done(context, StatusCodes.Status200OK, versions);
        }

        private static async Task EvaluateAutoScaleAsync(HttpContext context, PoolModel store)
        {
            Accept(context, ConditionSupport.None);
            var body = await RequestBodies.ReadAsync(context.Request, BatchJson.TypeInfo<BatchPoolEvaluateAutoScaleOptions>()).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(body.AutoScaleFormula)) throw BatchErrors.MissingRequiredProperty("autoScaleFormula");
            var (run, versions) = store.EvaluateAutoScale(PoolRoutes.PoolId(context), body.AutoScaleFormula);
            Responses.SetVersions(context.Response, versions);
            context.Response.Headers["DataServiceId"] = Responses.PoolUrl(context.Request, PoolRoutes.PoolId(context));
            await JsonResponses.WriteAsync(context, StatusCodes.Status200OK,
                JsonSerializer.SerializeToNode(run, BatchJson.TypeInfo<AutoScaleRun>())!.AsObject(), ODataMetadata.AutoScaleRun).ConfigureAwait(false);
        }

        private static async Task RemoveNodesAsync(HttpContext context, PoolModel store)
        {
            var conditions = Accept(context, ConditionSupport.All);
            var json = await RequestBodies.ReadObjectAsync(context.Request).ConfigureAwait(false);
            if (!json.TryGetProperty("nodeList", out _)) throw BatchErrors.MissingRequiredProperty("nodeList");
            var body = RequestBodies.Deserialize(json, BatchJson.TypeInfo<BatchNodeRemoveOptions>());
            var versions = store.RemoveNodes(PoolRoutes.PoolId(context), body, conditions?.ForModel(isRead: false));
            await Done(context, StatusCodes.Status202Accepted, versions).ConfigureAwait(false);
        }

        private static ConditionalHeaders? Accept(HttpContext context, ConditionSupport conditions)
        {
            QueryRules.Require(context.Request);
            return ConditionalHeaders.Read(context.Request, conditions);
        }

        private static Task Done(HttpContext context, int status, Versions versions) =>
            Responses.Empty(context, status, versions, Responses.PoolUrl(context.Request, PoolRoutes.PoolId(context)));
    }
}
