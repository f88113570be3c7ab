using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary>The account URL as the caller addressed it (<c>http://127.0.0.1:PORT/</c>), for <c>url</c> properties and links.</summary>
    internal static class BaseUrl
    {
        public static string Of(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";
    }
}
