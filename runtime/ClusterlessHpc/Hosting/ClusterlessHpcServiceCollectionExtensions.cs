using System;
using ClusterlessHpc.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers ClusterlessHpc in an application's services.</summary>
    public static class ClusterlessHpcServiceCollectionExtensions
    {
        /// <summary>
        /// Binds <see cref="ClusterlessHpcOptions"/> from the <c>ClusterlessHpc</c> section and registers the Batch client
        /// factory. With no <c>Batch:Endpoint</c>, requests go to the emulator when <c>AddClusterlessHpcEmulator()</c> is registered.
        /// </summary>
        public static ClusterlessHpcBuilder AddClusterlessHpc(this IServiceCollection services, IConfiguration configuration)
        {
            ArgumentNullException.ThrowIfNull(services);
            ArgumentNullException.ThrowIfNull(configuration);
            services.AddOptions<ClusterlessHpcOptions>().Bind(configuration.GetSection(ClusterlessHpcOptions.SectionName));
            services.TryAddSingleton<BatchClientFactory>();
            services.TryAddSingleton<PoolProvisionerFactory>();
            services.TryAddSingleton<PoolJobRunnerFactory>();
            services.TryAddSingleton<PoolStatusBoard>();
            services.TryAddSingleton<StartupPools>();
            return new ClusterlessHpcBuilder(services);
        }
    }
}
