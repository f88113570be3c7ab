using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterlessHpc.Emulator.Hosting
{
    /// <summary>
    /// The <c>Host</c> names the emulator answers: those of the loopback address it listens on. A web page can rebind its
    /// own name to 127.0.0.1 (DNS rebinding) and is then same-origin with the emulator, so no CORS rule stops it; its
    /// requests still carry its own name in <c>Host</c>, and get 400 from ASP.NET Core's host filtering. Ports are not
    /// compared: the name is what such a page cannot forge, and a port forward (ssh -L) legitimately changes the port.
    /// </summary>
    internal static class LoopbackHosts
    {
        public static readonly string[] Names = ["127.0.0.1", "localhost", "[::1]"];

        public static void Configure(IServiceCollection services) => services.AddHostFiltering(options =>
        {
            options.AllowedHosts = Names;
            // Browsers always send Host; a request without one is not a Batch client's.
            options.AllowEmptyHosts = false;
            options.IncludeFailureMessage = true;
        });
    }
}
