using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// A wait on a pool whose value is the pool: <see cref="BatchPoolReadyOperation"/> and
    /// <see cref="BatchPoolSteadyOperation"/>. Every wait sleeps on <see cref="TimeProvider"/> (not on the real clock,
    /// as Azure.Core's own poller does), between polls spaced by a <see cref="DelayStrategy"/>: the one given, a fixed
    /// interval, or by default exponential back-off from 200 ms to 10 s.
    /// </summary>
    public abstract class BatchPoolOperation : Operation<BatchPool>
    {
        private Response? _rawResponse;
        private BatchPool? _value;
        private RequestFailedException? _failure;

        /// <param name="client">The client that polls.</param>
        /// <param name="poolId">The pool waited on.</param>
        /// <param name="timeProvider">The clock the waits sleep on; the system clock when null.</param>
        protected BatchPoolOperation(BatchClient client, string poolId, TimeProvider? timeProvider)
        {
            Client = client ?? throw new ArgumentNullException(nameof(client));
            ArgumentException.ThrowIfNullOrEmpty(poolId);
            Id = poolId;
            TimeProvider = timeProvider ?? TimeProvider.System;
        }

        /// <summary>For mocking.</summary>
        protected BatchPoolOperation()
        {
            Client = null!;
            Id = null!;
            TimeProvider = TimeProvider.System;
        }

        /// <summary>The pool id.</summary>
        public override string Id { get; }

        /// <summary>The clock every wait sleeps on.</summary>
        public TimeProvider TimeProvider { get; }

        /// <summary>The pool as the last poll saw it (null before the first), for progress reports.</summary>
        public BatchPool? LastPool { get; protected set; }

        protected BatchClient Client { get; }

        /// <summary>The pool; throws while the operation runs, and the failure when it failed.</summary>
        public override BatchPool Value =>
            _failure is not null ? throw _failure
            : _value ?? throw new InvalidOperationException($"Pool '{Id}' is not there yet; wait for the operation to complete.");

        public override bool HasValue => _value is not null;

        public override bool HasCompleted => _value is not null || _failure is not null;

        public override Response GetRawResponse() =>
            _rawResponse ?? throw new InvalidOperationException("The operation has not polled the service yet.");

        public override Response UpdateStatus(CancellationToken cancellationToken = default) =>
            UpdateStatusAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<Response> UpdateStatusAsync(CancellationToken cancellationToken = default)
        {
            if (HasCompleted) return GetRawResponse();
            await PollAsync(cancellationToken).ConfigureAwait(false);
            return GetRawResponse();
        }

        /// <summary>Reads the service once: records the response, then completes with <see cref="Complete"/> or <see cref="Fail"/>, or neither.</summary>
        protected abstract ValueTask PollAsync(CancellationToken cancellationToken);

        protected void Record(Response response) => _rawResponse = response;

        protected void Complete(BatchPool pool) => _value = pool;

        /// <summary>Ends the operation with a failure whose <see cref="RequestFailedException.ErrorCode"/> says why.</summary>
        protected void Fail(string code, string message, System.Collections.Generic.IEnumerable<(string Key, string Value)> details)
        {
            var failure = new RequestFailedException(_rawResponse?.Status ?? 0, message, code, innerException: null);
            foreach (var (key, value) in details) failure.Data[key] = value;
            _failure = failure;
        }

        public override ValueTask<Response<BatchPool>> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
            WaitForCompletionAsync(OperationPolling.DefaultDelays, cancellationToken);

        public override ValueTask<Response<BatchPool>> WaitForCompletionAsync(TimeSpan pollingInterval, CancellationToken cancellationToken) =>
            WaitForCompletionAsync(DelayStrategy.CreateFixedDelayStrategy(pollingInterval), cancellationToken);

        public override ValueTask<Response<BatchPool>> WaitForCompletionAsync(DelayStrategy delayStrategy, CancellationToken cancellationToken) =>
            OperationPolling.WaitForValueAsync(this, delayStrategy, TimeProvider, cancellationToken);

        public override Response<BatchPool> WaitForCompletion(CancellationToken cancellationToken = default) =>
            WaitForCompletion(OperationPolling.DefaultDelays, cancellationToken);

        public override Response<BatchPool> WaitForCompletion(TimeSpan pollingInterval, CancellationToken cancellationToken) =>
            WaitForCompletion(DelayStrategy.CreateFixedDelayStrategy(pollingInterval), cancellationToken);

        public override Response<BatchPool> WaitForCompletion(DelayStrategy delayStrategy, CancellationToken cancellationToken) =>
            OperationPolling.WaitForValue(this, delayStrategy, TimeProvider, cancellationToken);

        public override async ValueTask<Response> WaitForCompletionResponseAsync(CancellationToken cancellationToken = default) =>
            (await WaitForCompletionAsync(cancellationToken).ConfigureAwait(false)).GetRawResponse();

        public override async ValueTask<Response> WaitForCompletionResponseAsync(TimeSpan pollingInterval, CancellationToken cancellationToken = default) =>
            (await WaitForCompletionAsync(pollingInterval, cancellationToken).ConfigureAwait(false)).GetRawResponse();

        public override async ValueTask<Response> WaitForCompletionResponseAsync(DelayStrategy delayStrategy, CancellationToken cancellationToken = default) =>
            (await WaitForCompletionAsync(delayStrategy, cancellationToken).ConfigureAwait(false)).GetRawResponse();
    }
}
