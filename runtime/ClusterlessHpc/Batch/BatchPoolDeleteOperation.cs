using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Waits until a deleted pool is gone: it stays <c>deleting</c> while its nodes leave, and the operation completes
    /// when the pool no longer exists (HEAD /pools/{poolId} answers 404). There is no value: Azure SDKs model deletes
    /// as a plain <see cref="Operation"/>. Like <see cref="BatchPoolOperation"/>, every wait sleeps on
    /// <see cref="TimeProvider"/> between polls spaced by a <see cref="DelayStrategy"/>.
    /// </summary>
    public class BatchPoolDeleteOperation : Operation
    {
        private readonly BatchClient _client;
        private readonly string _poolId;
        private Response? _rawResponse;
        private bool _completed;

        /// <summary>Waits for a pool that is being deleted.</summary>
        /// <param name="client">The client that polls.</param>
        /// <param name="poolId">The pool.</param>
        /// <param name="timeProvider">The clock the waits sleep on; the system clock when null.</param>
        public BatchPoolDeleteOperation(BatchClient client, string poolId, TimeProvider? timeProvider = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            ArgumentException.ThrowIfNullOrEmpty(poolId);
            _poolId = poolId;
            TimeProvider = timeProvider ?? TimeProvider.System;
        }

        /// <summary>For mocking.</summary>
        protected BatchPoolDeleteOperation()
        {
            _client = null!;
            _poolId = null!;
            TimeProvider = TimeProvider.System;
        }

        /// <summary>The pool id.</summary>
        public override string Id => _poolId;

        /// <summary>The clock every wait sleeps on.</summary>
        public TimeProvider TimeProvider { get; }

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

        public override ValueTask<Response> WaitForCompletionResponseAsync(CancellationToken cancellationToken = default) =>
            WaitForCompletionResponseAsync(OperationPolling.DefaultDelays, cancellationToken);

        public override ValueTask<Response> WaitForCompletionResponseAsync(TimeSpan pollingInterval, CancellationToken cancellationToken = default) =>
            WaitForCompletionResponseAsync(DelayStrategy.CreateFixedDelayStrategy(pollingInterval), cancellationToken);

        public override ValueTask<Response> WaitForCompletionResponseAsync(DelayStrategy delayStrategy, CancellationToken cancellationToken = default) =>
            OperationPolling.PollAsync(this, delayStrategy, TimeProvider, cancellationToken);

        public override Response WaitForCompletionResponse(CancellationToken cancellationToken = default) =>
            WaitForCompletionResponse(OperationPolling.DefaultDelays, cancellationToken);

        public override Response WaitForCompletionResponse(TimeSpan pollingInterval, CancellationToken cancellationToken = default) =>
            WaitForCompletionResponse(DelayStrategy.CreateFixedDelayStrategy(pollingInterval), cancellationToken);

        public override Response WaitForCompletionResponse(DelayStrategy delayStrategy, CancellationToken cancellationToken = default) =>
            OperationPolling.Poll(this, delayStrategy, TimeProvider, cancellationToken);
    }
}
