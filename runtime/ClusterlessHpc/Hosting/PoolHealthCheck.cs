using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClusterlessHpc.Hosting
{
    /// <summary>One pool's health: healthy when ready, degraded while it provisions (saying why when it is stalled), unhealthy when it failed.</summary>
    public sealed class PoolHealthCheck : IHealthCheck
    {
        private readonly PoolStatusBoard _board;
        private readonly string _poolId;

        public PoolHealthCheck(PoolStatusBoard board, string poolId)
        {
            _board = board;
            _poolId = poolId;
        }

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var status = _board.Get(_poolId);
            return Task.FromResult(status.State switch
            {
                PoolState.Ready => HealthCheckResult.Healthy($"pool {_poolId} is ready"),
                PoolState.Failed => HealthCheckResult.Unhealthy($"pool {_poolId} failed: {status.Message}"),
                PoolState.Stalled => HealthCheckResult.Degraded($"pool {_poolId} is stalled: {status.Message}"),
                _ => HealthCheckResult.Degraded($"pool {_poolId} is {status.State.ToString().ToLowerInvariant()}{(status.Message is null ? "" : ": " + status.Message)}"),
            });
        }
    }
}
