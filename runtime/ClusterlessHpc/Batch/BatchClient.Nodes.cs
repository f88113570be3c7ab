using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>The node operations.</summary>
    public partial class BatchClient
    {
        /// <summary>Lists a pool's nodes (GET /pools/{poolId}/nodes), following <c>odata.nextLink</c>.</summary>
        public virtual AsyncPageable<BatchNode> GetNodesAsync(string poolId, CancellationToken cancellationToken) =>
            GetNodesAsync(poolId, filter: null, select: null, maxResults: null, cancellationToken);

        /// <summary>
        /// Lists a pool's nodes (GET /pools/{poolId}/nodes), following <c>odata.nextLink</c>. <paramref name="filter"/> is
        /// an OData filter such as <c>state eq 'idle'</c>; <paramref name="maxResults"/> (1 to 1000) is the page size.
        /// </summary>
        public virtual AsyncPageable<BatchNode> GetNodesAsync(
            string poolId,
            string? filter = null,
            IEnumerable<string>? select = null,
            int? maxResults = null,
            CancellationToken cancellationToken = default)
        {
            var path = PoolPath(poolId) + "/nodes";
            return List("GetNodes", path, BatchJsonContext.Default.BatchListResultBatchNode, message =>
            {
                AddQuery(message, "$filter", filter);
                AddQuery(message, "$select", select);
            }, maxResults, cancellationToken);
        }

        /// <summary>Gets a node (GET /pools/{poolId}/nodes/{nodeId}); a missing node fails with <c>NodeNotFound</c> (404).</summary>
        public virtual async Task<Response<BatchNode>> GetNodeAsync(
            string poolId, string nodeId, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Get, NodePath(poolId, nodeId), 200);
            AddQuery(message, "$select", select);
            return await SendAsync("GetNode", message, BatchJsonContext.Default.BatchNode, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Restarts a node (POST /pools/{poolId}/nodes/{nodeId}/reboot, 202); its start task runs again. Running tasks
        /// are handled as <see cref="BatchNodeRebootOptions.NodeRebootKind"/> says (requeue by default).
        /// </summary>
        public virtual async Task<Response> RebootNodeAsync(
            string poolId, string nodeId, BatchNodeRebootOptions? options = null, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Post, NodePath(poolId, nodeId) + "/reboot", 202);
            if (options is not null) SetJsonBody(message, options, BatchJsonContext.Default.BatchNodeRebootOptions);
            return await SendAsync("RebootNode", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Reinstalls a node's operating system (POST /pools/{poolId}/nodes/{nodeId}/reimage, 202): its disk starts
        /// fresh and its start task runs again.
        /// </summary>
        public virtual async Task<Response> ReimageNodeAsync(
            string poolId, string nodeId, BatchNodeReimageOptions? options = null, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Post, NodePath(poolId, nodeId) + "/reimage", 202);
            if (options is not null) SetJsonBody(message, options, BatchJsonContext.Default.BatchNodeReimageOptions);
            return await SendAsync("ReimageNode", message, cancellationToken).ConfigureAwait(false);
        }
    }
}
