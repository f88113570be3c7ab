using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Waits until a deleted job is gone: it stays <c>deleting</c> while its tasks are stopped and removed, and the
    /// operation completes when GET /jobs/{jobId} answers 404. Polled only through <see cref="OperationPolling"/> (the
    /// provisioner's waits, on its clock, with its back-off and missed polls); Azure.Core's own
    /// <c>WaitForCompletionResponse</c> would sleep on the real clock, which is why this type is not public.
    /// </summary>
    internal sealed class BatchJobDeleteOperation : Operation
    {
        private static readonly string[] Select = ["id", "state"];
        private readonly BatchClient _client;
        private Response? _rawResponse;
        private bool _completed;

        public BatchJobDeleteOperation(BatchClient client, string jobId)
        {
            _client = client;
            Id = jobId;
        }

        public override string Id { get; }

        public override bool HasCompleted => _completed;

        public override Response GetRawResponse() =>
            _rawResponse ?? throw new InvalidOperationException("The operation has not polled the service yet.");

        public override Response UpdateStatus(CancellationToken cancellationToken = default) =>
            UpdateStatusAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<Response> UpdateStatusAsync(CancellationToken cancellationToken = default)
        {
            if (_completed) return GetRawResponse();
            try
            {
                _rawResponse = (await _client.GetJobAsync(Id, select: Select, cancellationToken: cancellationToken).ConfigureAwait(false)).GetRawResponse();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                _rawResponse = e.GetRawResponse();
                _completed = true;
            }
            return GetRawResponse();
        }
    }
}
