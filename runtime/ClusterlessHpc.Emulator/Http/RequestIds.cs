using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary>
    /// Gives every response a new <c>request-id</c> and, as the service does, echoes the caller's
    /// <c>client-request-id</c> only when the request also says <c>return-client-request-id: true</c>.
    /// </summary>
    internal static class RequestIds
    {
        private const string ItemKey = "ClusterlessHpc.Emulator.RequestId";

        public static string Of(HttpContext context) =>
            context.Items.TryGetValue(ItemKey, out var id) && id is string text ? text : "";

        public static Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            var requestId = Guid.NewGuid().ToString();
            context.Items[ItemKey] = requestId;
            var headers = context.Response.Headers;
            headers["request-id"] = requestId;

            var request = context.Request.Headers;
            var clientRequestId = request["client-request-id"].ToString();
            if (clientRequestId.Length > 0 &&
                string.Equals(request["return-client-request-id"].ToString(), "true", StringComparison.OrdinalIgnoreCase))
            {
                headers["client-request-id"] = clientRequestId;
            }
            return next(context);
        }
    }
}
