using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace ClusterlessHpc.Hosting
{
    /// <summary>Adds pools to provision when the application starts.</summary>
    public sealed class ClusterlessHpcBuilder
    {
        internal ClusterlessHpcBuilder(IServiceCollection services) => Services = services;

        public IServiceCollection Services { get; }

        /// <summary>Provisions the pool declared by <typeparamref name="TPool"/> at startup, with a health check named <c>pool:{id}</c>.</summary>
        public ClusterlessHpcBuilder ProvisionAtStartup<TPool>() where TPool : IDeclaredPool => ProvisionAtStartup(TPool.Definition);

        /// <summary>Provisions <paramref name="definition"/> at startup, with a health check named <c>pool:{id}</c>.</summary>
        public ClusterlessHpcBuilder ProvisionAtStartup(PoolDefinition definition)
        {
            ArgumentNullException.ThrowIfNull(definition);
            var pools = GetOrAddStartupPools();
            pools.Add(definition);
            if (!Services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(PoolProvisioningService)))
            {
                Services.AddHostedService<PoolProvisioningService>();
            }
            Services.AddHealthChecks().Add(new HealthCheckRegistration(
                "pool:" + definition.Id, sp => new PoolHealthCheck(sp.GetRequiredService<PoolStatusBoard>(), definition.Id),
                failureStatus: null, tags: new[] { "clusterlesshpc" }));
            return this;
        }

        private StartupPools GetOrAddStartupPools()
        {
            foreach (var descriptor in Services)
            {
                if (descriptor.ServiceType == typeof(StartupPools) && descriptor.ImplementationInstance is StartupPools existing) return existing;
            }
            var pools = new StartupPools();
            Services.RemoveAll<StartupPools>();
            Services.AddSingleton(pools);
            return pools;
        }
    }
}
