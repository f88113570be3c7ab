using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Waits until something deleted is gone (a pool: <see cref="BatchPoolDeleteOperation"/>; a job): it lingers while
    /// Batch removes what it holds, and the operation completes when the service no longer knows it. There is no value:
    /// Azure SDKs model deletes as a plain <see cref="Operation"/>. Every wait sleeps on <see cref="TimeProvider"/>
    /// between polls spaced by a <see cref="DelayStrategy"/>, as the client's other operations do.
    /// </summary>
    public abstract class BatchDeleteOperation : Operation
    {
        private Response? _rawResponse;
        private bool _completed;

        /// <param name="id">What is being deleted.</param>
        /// <param name="timeProvider">The clock the waits sleep on; the system clock when null.</param>
        protected BatchDeleteOperation(string id, TimeProvider? timeProvider)
        {
            ArgumentException.ThrowIfNullOrEmpty(id);
            Id = id;
            TimeProvider = timeProvider ?? TimeProvider.System;
        }

        /// <summary>For mocking.</summary>
        protected BatchDeleteOperation()
        {
            Id = null!;
            TimeProvider = TimeProvider.System;
        }

        /// <summary>The id of what is being deleted.</summary>
        public override string Id { get; }

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
            var (response, gone) = await ProbeAsync(cancellationToken).ConfigureAwait(false);
            _rawResponse = response;
            _completed = gone;
            return response;
        }

        /// <summary>Asks the service once: its response, and whether what was deleted is gone.</summary>
        protected abstract ValueTask<(Response Response, bool Gone)> ProbeAsync(CancellationToken cancellationToken);

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
