using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Waits until a pool is ready: allocation <c>steady</c>, the node counts at the pool's targets, and every node
    /// <c>idle</c> or <c>running</c> (a pool busy with tasks is ready; a node starting, waiting for its start task,
    /// start-task-failed, unusable or preempted is not). It fails, with a <see cref="RequestFailedException"/> whose
    /// <see cref="RequestFailedException.ErrorCode"/> says why, when the pool is being deleted
    /// (<see cref="BatchPoolWaitErrorCodes.PoolBeingDeleted"/>), when a node's start task fails (the failure info's
    /// code, with <c>NodeId</c> and <c>ExitCode</c> in <c>Data</c>), when the steady pool reports a resize error
    /// (its code: <c>AllocationFailed</c>, <c>ResizeStopped</c>, ...), or when a node is <c>unusable</c>
    /// (<see cref="BatchPoolWaitErrorCodes.NodeUnusable"/>). Each poll reads the pool and lists its nodes.
    /// </summary>
    public class BatchPoolReadyOperation : BatchPoolOperation
    {
        private static readonly string[] NodeSelect = ["id", "state", "startTaskInfo", "errors"];

        /// <summary>Waits for an existing pool, for example one another process created or resized.</summary>
        /// <param name="client">The client that polls.</param>
        /// <param name="poolId">The pool.</param>
        /// <param name="timeProvider">The clock the waits sleep on; the system clock when null.</param>
        public BatchPoolReadyOperation(BatchClient client, string poolId, TimeProvider? timeProvider = null)
            : base(client, poolId, timeProvider)
        {
        }

        /// <summary>For mocking.</summary>
        protected BatchPoolReadyOperation()
        {
        }

        /// <summary>The nodes seen at the last poll, for progress reports.</summary>
        public IReadOnlyList<BatchNode> Nodes { get; private set; } = [];

        /// <summary>Why the pool will not become ready, once the operation failed.</summary>
        internal PoolWaitFailure? Failure { get; private set; }

        protected override async ValueTask PollAsync(CancellationToken cancellationToken)
        {
            var poolResponse = await Client.GetPoolAsync(Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            var pool = poolResponse.Value;
            var nodes = new List<BatchNode>();
            if (pool.State != BatchPoolState.Deleting)
            {
                await foreach (var node in Client.GetNodesAsync(Id, select: NodeSelect, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    nodes.Add(node);
                }
            }
            Record(poolResponse.GetRawResponse());
            LastPool = pool;
            Nodes = nodes;
            if (PoolReadiness.FindFailure(Id, pool, nodes) is { } failure)
            {
                Failure = failure;
                Fail(failure.Code, failure.Message, failure.Details);
            }
            else if (PoolReadiness.IsReady(pool, nodes))
            {
                Complete(pool);
            }
        }
    }
}
