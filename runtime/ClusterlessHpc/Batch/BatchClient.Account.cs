using System.Threading;
using Azure;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>The account operations: supported images and node counts.</summary>
    public partial class BatchClient
    {
        /// <summary>
        /// Lists the images and node agents the account supports (GET /supportedimages). <paramref name="filter"/> is an
        /// OData filter such as <c>verificationType eq 'verified'</c>.
        /// </summary>
        public virtual AsyncPageable<BatchSupportedImage> GetSupportedImagesAsync(
            string? filter = null, int? maxResults = null, CancellationToken cancellationToken = default) =>
            List("GetSupportedImages", "/supportedimages", BatchJsonContext.Default.BatchListResultBatchSupportedImage,
                message => AddQuery(message, "$filter", filter), maxResults, cancellationToken);

        /// <summary>
        /// Counts each pool's dedicated and low-priority nodes by state (GET /nodecounts). <paramref name="filter"/> is an
        /// OData filter on the pool id, such as <c>poolId eq 'redwood'</c>.
        /// </summary>
        public virtual AsyncPageable<BatchPoolNodeCounts> GetPoolNodeCountsAsync(
            string? filter = null, int? maxResults = null, CancellationToken cancellationToken = default) =>
            List("GetPoolNodeCounts", "/nodecounts", BatchJsonContext.Default.BatchListResultBatchPoolNodeCounts,
                message => AddQuery(message, "$filter", filter), maxResults, cancellationToken);
    }
}
