using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Waits until a deleted pool is gone: it stays <c>deleting</c> while its nodes leave, and the operation completes
    /// when the pool no longer exists (HEAD /pools/{poolId} answers 404).
    /// </summary>
    public class BatchPoolDeleteOperation : BatchDeleteOperation
    {
        private readonly BatchClient _client;

        /// <summary>Waits for a pool that is being deleted.</summary>
        /// <param name="client">The client that polls.</param>
        /// <param name="poolId">The pool.</param>
        /// <param name="timeProvider">The clock the waits sleep on; the system clock when null.</param>
        public BatchPoolDeleteOperation(BatchClient client, string poolId, TimeProvider? timeProvider = null)
            : base(poolId, timeProvider)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>For mocking.</summary>
        protected BatchPoolDeleteOperation() => _client = null!;

        protected override async ValueTask<(Response Response, bool Gone)> ProbeAsync(CancellationToken cancellationToken)
        {
            var exists = await _client.PoolExistsAsync(Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (exists.GetRawResponse(), !exists.Value);
        }
    }
}
