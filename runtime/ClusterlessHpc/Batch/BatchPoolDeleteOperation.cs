using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Waits until a deleted pool is gone: it stays <c>deleting</c> while its nodes leave, and the operation completes
    /// when the pool no longer exists (HEAD /pools/{poolId} answers 404). There is no value: Azure SDKs model deletes
    /// as a plain <see cref="Operation"/>.
    /// </summary>
    public class BatchPoolDeleteOperation : Operation
    {
        private readonly BatchClient _client;
        private readonly string _poolId;
        private Response? _rawResponse;
        private bool _completed;

        /// <summary>Waits for a pool that is being deleted.</summary>
        public BatchPoolDeleteOperation(BatchClient client, string poolId)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            ArgumentException.ThrowIfNullOrEmpty(poolId);
            _poolId = poolId;
        }

        /// <summary>For mocking.</summary>
        protected BatchPoolDeleteOperation()
        {
            _client = null!;
            _poolId = null!;
        }

        /// <summary>The pool id.</summary>
        public override string Id => _poolId;

        public override bool HasCompleted => _completed;

        public override Response GetRawResponse() =>
            _rawResponse ?? throw new InvalidOperationException("The operation has not polled the service yet.");

        public override Response UpdateStatus(CancellationToken cancellationToken = default) =>
            UpdateStatusAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<Response> UpdateStatusAsync(CancellationToken cancellationToken = default)
        {
            if (_completed) return GetRawResponse();
            var exists = await _client.PoolExistsAsync(_poolId, cancellationToken: cancellationToken).ConfigureAwait(false);
            _rawResponse = exists.GetRawResponse();
            _completed = !exists.Value;
            return _rawResponse;
        }
    }
}
