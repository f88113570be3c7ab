using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Waits until a deleted job is gone: it stays <c>deleting</c> while its tasks are stopped and removed, and the
    /// operation completes when GET /jobs/{jobId} answers 404.
    /// </summary>
    internal sealed class BatchJobDeleteOperation : BatchDeleteOperation
    {
        private static readonly string[] Select = ["id", "state"];
        private readonly BatchClient _client;

        public BatchJobDeleteOperation(BatchClient client, string jobId, TimeProvider? timeProvider)
            : base(jobId, timeProvider)
        {
            _client = client;
        }

        protected override async ValueTask<(Response Response, bool Gone)> ProbeAsync(CancellationToken cancellationToken)
        {
            try
            {
                return ((await _client.GetJobAsync(Id, select: Select, cancellationToken: cancellationToken).ConfigureAwait(false)).GetRawResponse(), false);
            }
            catch (RequestFailedException e) when (e.Status == 404 && e.GetRawResponse() is { } gone)
            {
                return (gone, true);
            }
        }
    }
}
