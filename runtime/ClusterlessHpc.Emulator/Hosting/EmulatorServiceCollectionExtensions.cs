using System;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Emulator.Hosting;
using ClusterlessHpc.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers the emulator as the Batch account used when none is configured.</summary>
    public static class EmulatorServiceCollectionExtensions
    {
        /// <summary>
        /// With no <c>ClusterlessHpc:Batch:Endpoint</c>, Batch requests go to an emulator started in-process on 127.0.0.1
        /// on first use and stopped with the application. A configured endpoint still wins.
        /// </summary>
        public static IServiceCollection AddClusterlessHpcEmulator(this IServiceCollection services, Action<BatchEmulatorOptions>? configure = null)
        {
            ArgumentNullException.ThrowIfNull(services);
            var options = new BatchEmulatorOptions();
            configure?.Invoke(options);
            // Created by the container, so the container stops the emulator when the application ends.
            services.TryAddSingleton<IBatchEndpointFallback>(_ => new EmulatorEndpointFallback(options));
            return services;
        }
    }
}
