using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>The pool operations.</summary>
    public partial class BatchClient
    {
        /// <summary>Adds a pool (POST /pools, 201). An existing id fails with <c>PoolExists</c> (409).</summary>
        public virtual async Task<Response> CreatePoolAsync(BatchPoolCreateOptions pool, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(pool);
            using var message = CreateMessage(RequestMethod.Post, "/pools", 201);
            SetJsonBody(message, pool, BatchJsonContext.Default.BatchPoolCreateOptions);
            return await SendAsync("CreatePool", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Adds a pool and returns an operation that completes when it is steady with every node idle.</summary>
        public virtual async Task<BatchPoolReadyOperation> StartCreatePoolAsync(BatchPoolCreateOptions pool, CancellationToken cancellationToken = default)
        {
            await CreatePoolAsync(pool, cancellationToken).ConfigureAwait(false);
            return new BatchPoolReadyOperation(this, pool.Id);
        }

        /// <summary>Gets a pool (GET /pools/{poolId}); a missing pool fails with <c>PoolNotFound</c> (404).</summary>
        public virtual Task<Response<BatchPool>> GetPoolAsync(string poolId, CancellationToken cancellationToken) =>
            GetPoolAsync(poolId, select: null, expand: null, requestConditions: null, cancellationToken);

        /// <summary>
        /// Gets a pool (GET /pools/{poolId}) with only the <paramref name="select"/>ed properties and the
        /// <paramref name="expand"/>ed ones (<c>stats</c>). A failed condition is 304 (If-None-Match,
        /// If-Modified-Since) or 412 <c>ConditionNotMet</c>.
        /// </summary>
        public virtual async Task<Response<BatchPool>> GetPoolAsync(
            string poolId,
            IEnumerable<string>? select = null,
            IEnumerable<string>? expand = null,
            RequestConditions? requestConditions = null,
            CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Get, PoolPath(poolId), 200);
            AddQuery(message, "$select", select);
            AddQuery(message, "$expand", expand);
            AddConditions(message, requestConditions);
            return await SendAsync("GetPool", message, BatchJsonContext.Default.BatchPool, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Whether a pool exists (HEAD /pools/{poolId}: 200 or 404).</summary>
        public virtual async Task<Response<bool>> PoolExistsAsync(
            string poolId, RequestConditions? requestConditions = null, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Head, PoolPath(poolId), 200, 404);
            AddConditions(message, requestConditions);
            return await SendAsync("PoolExists", message, response => Response.FromValue(response.Status == 200, response), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Lists the account's pools (GET /pools), following <c>odata.nextLink</c>. <paramref name="filter"/> is an OData
        /// filter such as <c>startswith(id,'redwood')</c>; <paramref name="maxResults"/> (1 to 1000) is the page size.
        /// </summary>
        public virtual AsyncPageable<BatchPool> GetPoolsAsync(
            string? filter = null,
            IEnumerable<string>? select = null,
            IEnumerable<string>? expand = null,
            int? maxResults = null,
            CancellationToken cancellationToken = default) =>
            List("GetPools", "/pools", BatchJsonContext.Default.BatchListResultBatchPool, message =>
            {
                AddQuery(message, "$filter", filter);
                AddQuery(message, "$select", select);
                AddQuery(message, "$expand", expand);
            }, maxResults, cancellationToken);

        /// <summary>Changes only the properties set in <paramref name="pool"/> (PATCH /pools/{poolId}, 200).</summary>
        public virtual async Task<Response> UpdatePoolAsync(
            string poolId, BatchPoolUpdateOptions pool, RequestConditions? requestConditions = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(pool);
            using var message = CreateMessage(RequestMethod.Patch, PoolPath(poolId), 200);
            AddConditions(message, requestConditions);
            SetJsonBody(message, pool, BatchJsonContext.Default.BatchPoolUpdateOptions);
            return await SendAsync("UpdatePool", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Replaces the start task, certificate and application package references, metadata and communication mode
        /// (POST /pools/{poolId}/updateproperties, 204); what <paramref name="pool"/> leaves out is cleared.
        /// </summary>
        public virtual async Task<Response> ReplacePoolPropertiesAsync(
            string poolId, BatchPoolReplaceOptions pool, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(pool);
            using var message = CreateMessage(RequestMethod.Post, PoolPath(poolId) + "/updateproperties", 204);
            SetJsonBody(message, pool, BatchJsonContext.Default.BatchPoolReplaceOptions);
            return await SendAsync("ReplacePoolProperties", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Starts deleting a pool (DELETE /pools/{poolId}, 202): it passes through <c>deleting</c> before it is gone.</summary>
        public virtual Task<Response> DeletePoolAsync(string poolId, CancellationToken cancellationToken) =>
            DeletePoolAsync(poolId, requestConditions: null, cancellationToken);

        /// <summary>Starts deleting a pool (DELETE /pools/{poolId}, 202); a pool already being deleted fails with <c>PoolBeingDeleted</c> (409).</summary>
        public virtual async Task<Response> DeletePoolAsync(
            string poolId, RequestConditions? requestConditions = null, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Delete, PoolPath(poolId), 202);
            AddConditions(message, requestConditions);
            return await SendAsync("DeletePool", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Starts deleting a pool and returns an operation that completes when it is gone.</summary>
        public virtual async Task<BatchPoolDeleteOperation> StartDeletePoolAsync(
            string poolId, RequestConditions? requestConditions = null, CancellationToken cancellationToken = default)
        {
            await DeletePoolAsync(poolId, requestConditions, cancellationToken).ConfigureAwait(false);
            return new BatchPoolDeleteOperation(this, poolId);
        }

        /// <summary>
        /// Resizes a pool to new targets (POST /pools/{poolId}/resize, 202). Only a steady pool without autoscale
        /// resizes; otherwise 409 (<c>PoolBeingResized</c>, <c>OperationInvalidForCurrentState</c>). Nodes leaving honour <see cref="BatchPoolResizeOptions.NodeDeallocationOption"/>.
        /// </summary>
        public virtual async Task<Response> ResizePoolAsync(
            string poolId, BatchPoolResizeOptions resizeOptions, RequestConditions? requestConditions = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(resizeOptions);
            using var message = CreateMessage(RequestMethod.Post, PoolPath(poolId) + "/resize", 202);
            AddConditions(message, requestConditions);
            SetJsonBody(message, resizeOptions, BatchJsonContext.Default.BatchPoolResizeOptions);
            return await SendAsync("ResizePool", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Resizes a pool and returns an operation that completes when it is steady with every node idle.</summary>
        public virtual async Task<BatchPoolReadyOperation> StartResizePoolAsync(
            string poolId, BatchPoolResizeOptions resizeOptions, RequestConditions? requestConditions = null, CancellationToken cancellationToken = default)
        {
            await ResizePoolAsync(poolId, resizeOptions, requestConditions, cancellationToken).ConfigureAwait(false);
            return new BatchPoolReadyOperation(this, poolId);
        }

        /// <summary>Stops a resize (POST /pools/{poolId}/stopresize, 202): the pool goes <c>stopping</c>, then steady where it got to.</summary>
        public virtual async Task<Response> StopPoolResizeAsync(
            string poolId, RequestConditions? requestConditions = null, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Post, PoolPath(poolId) + "/stopresize", 202);
            AddConditions(message, requestConditions);
            return await SendAsync("StopPoolResize", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Turns autoscale on, or changes its formula or interval (POST /pools/{poolId}/enableautoscale, 200).</summary>
        public virtual async Task<Response> EnablePoolAutoScaleAsync(
            string poolId, BatchPoolEnableAutoScaleOptions enableAutoScaleOptions, RequestConditions? requestConditions = null,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(enableAutoScaleOptions);
            using var message = CreateMessage(RequestMethod.Post, PoolPath(poolId) + "/enableautoscale", 200);
            AddConditions(message, requestConditions);
            SetJsonBody(message, enableAutoScaleOptions, BatchJsonContext.Default.BatchPoolEnableAutoScaleOptions);
            return await SendAsync("EnablePoolAutoScale", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Turns autoscale off (POST /pools/{poolId}/disableautoscale, 200); the pool keeps its current nodes.</summary>
        public virtual async Task<Response> DisablePoolAutoScaleAsync(string poolId, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Post, PoolPath(poolId) + "/disableautoscale", 200);
            return await SendAsync("DisablePoolAutoScale", message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Evaluates a formula against an autoscale pool without applying it (POST /pools/{poolId}/evaluateautoscale,
        /// 200). A formula that does not evaluate is still 200, with <see cref="AutoScaleRun.Error"/> set.
        /// </summary>
        public virtual async Task<Response<AutoScaleRun>> EvaluatePoolAutoScaleAsync(
            string poolId, BatchPoolEvaluateAutoScaleOptions evaluateAutoScaleOptions, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(evaluateAutoScaleOptions);
            using var message = CreateMessage(RequestMethod.Post, PoolPath(poolId) + "/evaluateautoscale", 200);
            SetJsonBody(message, evaluateAutoScaleOptions, BatchJsonContext.Default.BatchPoolEvaluateAutoScaleOptions);
            return await SendAsync("EvaluatePoolAutoScale", message, BatchJsonContext.Default.AutoScaleRun, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Removes nodes from a steady pool (POST /pools/{poolId}/removenodes, 202), honouring
        /// <see cref="BatchNodeRemoveOptions.NodeDeallocationOption"/>; the pool's target drops by their number.
        /// </summary>
        public virtual async Task<Response> RemoveNodesAsync(
            string poolId, BatchNodeRemoveOptions removeOptions, RequestConditions? requestConditions = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(removeOptions);
            using var message = CreateMessage(RequestMethod.Post, PoolPath(poolId) + "/removenodes", 202);
            AddConditions(message, requestConditions);
            SetJsonBody(message, removeOptions, BatchJsonContext.Default.BatchNodeRemoveOptions);
            return await SendAsync("RemoveNodes", message, cancellationToken).ConfigureAwait(false);
        }
    }
}
