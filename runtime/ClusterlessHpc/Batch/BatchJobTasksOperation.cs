using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Waits until every task of a job is complete (or the job is): each poll reads the job's task counts, and when they
    /// show nothing active or running, confirms it with a list of the tasks not completed (the counts may lag). Sleeps
    /// on <see cref="TimeProvider"/> between polls, as every wait of the client does.
    /// </summary>
    internal sealed class BatchJobTasksOperation : Operation<BatchTaskCountsResult>
    {
        private static readonly string[] JobSelect = ["id", "state"];
        private readonly BatchClient _client;
        private Response? _rawResponse;
        private BatchTaskCountsResult? _value;

        public BatchJobTasksOperation(BatchClient client, string jobId, TimeProvider? timeProvider)
        {
            _client = client;
            Id = jobId;
            TimeProvider = timeProvider ?? TimeProvider.System;
        }

        public override string Id { get; }

        public TimeProvider TimeProvider { get; }

        /// <summary>The counts the last poll read, for progress reports.</summary>
        public BatchTaskCountsResult? LastCounts { get; private set; }

        /// <summary>The job as the last poll saw it (id and state).</summary>
        public BatchJob? LastJob { get; private set; }

        public override BatchTaskCountsResult Value =>
            _value ?? throw new InvalidOperationException($"The tasks of job '{Id}' are not all complete yet; wait for the operation to complete.");

        public override bool HasValue => _value is not null;

        public override bool HasCompleted => _value is not null;

        public override Response GetRawResponse() =>
            _rawResponse ?? throw new InvalidOperationException("The operation has not polled the service yet.");

        public override Response UpdateStatus(CancellationToken cancellationToken = default) =>
            UpdateStatusAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<Response> UpdateStatusAsync(CancellationToken cancellationToken = default)
        {
            if (HasCompleted) return GetRawResponse();
            var job = await _client.GetJobAsync(Id, select: JobSelect, cancellationToken: cancellationToken).ConfigureAwait(false);
            var counts = await _client.GetJobTaskCountsAsync(Id, cancellationToken).ConfigureAwait(false);
            _rawResponse = counts.GetRawResponse();
            LastJob = job.Value;
            LastCounts = counts.Value;
            var quiet = counts.Value.TaskCounts is { Active: 0, Running: 0 };
            if (job.Value.State == BatchJobState.Completed || (quiet && !await AnyTaskNotCompletedAsync(cancellationToken).ConfigureAwait(false)))
            {
                _value = counts.Value;
            }
            return _rawResponse;
        }

        private async Task<bool> AnyTaskNotCompletedAsync(CancellationToken cancellationToken)
        {
            var pages = _client.GetTasksAsync(Id, filter: "state ne 'completed'", select: ["id"], maxResults: 1, cancellationToken: cancellationToken);
            await foreach (var page in pages.AsPages(pageSizeHint: 1).ConfigureAwait(false))
            {
                return page.Values.Count > 0;
            }
            return false;
        }

        public override ValueTask<Response<BatchTaskCountsResult>> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
            WaitForCompletionAsync(OperationPolling.DefaultDelays, cancellationToken);

        public override ValueTask<Response<BatchTaskCountsResult>> WaitForCompletionAsync(TimeSpan pollingInterval, CancellationToken cancellationToken) =>
            WaitForCompletionAsync(DelayStrategy.CreateFixedDelayStrategy(pollingInterval), cancellationToken);

        public override ValueTask<Response<BatchTaskCountsResult>> WaitForCompletionAsync(DelayStrategy delayStrategy, CancellationToken cancellationToken) =>
            OperationPolling.WaitForValueAsync(this, delayStrategy, TimeProvider, cancellationToken);

        public override Response<BatchTaskCountsResult> WaitForCompletion(CancellationToken cancellationToken = default) =>
            WaitForCompletion(OperationPolling.DefaultDelays, cancellationToken);

        public override Response<BatchTaskCountsResult> WaitForCompletion(TimeSpan pollingInterval, CancellationToken cancellationToken) =>
            WaitForCompletion(DelayStrategy.CreateFixedDelayStrategy(pollingInterval), cancellationToken);

        public override Response<BatchTaskCountsResult> WaitForCompletion(DelayStrategy delayStrategy, CancellationToken cancellationToken) =>
            OperationPolling.WaitForValue(this, delayStrategy, TimeProvider, cancellationToken);
    }
}
