using System;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Hosting
{
    /// <summary>
    /// Makes <see cref="PoolJobRunner"/>s configured as the application is (registered by <c>AddClusterlessHpc</c>): the
    /// Batch account's client, the script delivery and storage of startup scripts (for Julia scripts too large to travel
    /// inline), and the provisioners' clock.
    /// </summary>
    public sealed class PoolJobRunnerFactory
    {
        private readonly BatchClientFactory _clients;
        private readonly PoolProvisionerFactory _provisioners;

        public PoolJobRunnerFactory(BatchClientFactory clients, PoolProvisionerFactory provisioners)
        {
            _clients = clients ?? throw new ArgumentNullException(nameof(clients));
            _provisioners = provisioners ?? throw new ArgumentNullException(nameof(provisioners));
        }

        /// <summary>A runner on <paramref name="client"/>; <paramref name="configure"/> changes its options last.</summary>
        public PoolJobRunner Create(BatchClient client, Action<PoolJobRunnerOptions>? configure = null) => _provisioners.CreateJobRunner(client, configure);

        /// <summary>A runner for the pool's Batch account (its <see cref="PoolDefinition.Account"/>, or the default one).</summary>
        public async Task<PoolJobRunner> CreateAsync(PoolDefinition pool, Action<PoolJobRunnerOptions>? configure = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(pool);
            return Create(await _clients.GetClientAsync(pool.Account, cancellationToken).ConfigureAwait(false), configure);
        }
    }
}
