using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Routes;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary>
    /// Every Batch operation requires <c>api-version</c>. The emulator accepts the versions the current clients send
    /// (Microsoft's SDKs pin one each, and a user cannot always choose it) and answers all of them in the shapes of
    /// <see cref="ShapesVersion"/>; those versions differ only in properties the emulator does not model.
    /// </summary>
    internal static class ApiVersionCheck
    {
        /// <summary>The version whose request and response shapes the emulator speaks.</summary>
        public const string ShapesVersion = "2024-07-01.20.0";

        /// <summary>
        /// The accepted values, exactly as sent: 2025-06-01 travels without the <c>.21.0</c> suffix its spec file
        /// carries (the .NET and JavaScript SDKs of that version send it so, and the service accepts it so).
        /// </summary>
        public static readonly IReadOnlyList<string> AcceptedVersions =
        [
            "2022-01-01.15.0",
            "2022-10-01.16.0",
            "2023-05-01.17.0",
            "2023-11-01.18.0",
            "2024-02-01.19.0",
            ShapesVersion,
            "2025-06-01",
        ];

        public static bool IsAccepted(string version) => AcceptedVersions.Contains(version, System.StringComparer.Ordinal);

        public static Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            if (EmulatorControl.IsControlPath(context.Request.Path)) return next(context);
            var query = context.Request.Query;
            if (!query.TryGetValue("api-version", out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
            {
                throw BatchErrors.MissingRequiredQueryParameter("api-version");
            }
            var version = values.ToString();
            if (!IsAccepted(version))
            {
                throw BatchErrors.InvalidQueryParameterValue("api-version", version,
                    "The api-version is not one the emulator serves: " + string.Join(", ", AcceptedVersions) + ".");
            }
            return next(context);
        }
    }
}
