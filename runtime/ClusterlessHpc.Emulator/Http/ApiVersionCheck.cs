using System.Threading.Tasks;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Routes;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary>Every Batch operation requires <c>api-version</c>; the emulator speaks one.</summary>
    internal static class ApiVersionCheck
    {
        public const string SupportedVersion = "2024-07-01.20.0";

        public static Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            if (EmulatorControl.IsControlPath(context.Request.Path)) return next(context);
            var query = context.Request.Query;
            if (!query.TryGetValue("api-version", out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
            {
                throw BatchErrors.MissingRequiredQueryParameter("api-version");
            }
            var version = values.ToString();
            if (version != SupportedVersion)
            {
                throw BatchErrors.InvalidQueryParameterValue("api-version", version,
                    $"The emulator supports api-version {SupportedVersion}.");
            }
            return next(context);
        }
    }
}
