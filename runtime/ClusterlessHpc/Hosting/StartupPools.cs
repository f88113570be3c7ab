using System.Collections.Generic;

namespace ClusterlessHpc.Hosting
{
    /// <summary>The pools <c>ProvisionAtStartup</c> registered, in registration order.</summary>
    internal sealed class StartupPools
    {
        private readonly List<PoolDefinition> _pools = new();

        public IReadOnlyList<PoolDefinition> Pools => _pools;

        internal void Add(PoolDefinition definition)
        {
            if (!_pools.Contains(definition)) _pools.Add(definition);
        }
    }
}
