using System;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// Waits until a pool's resize has settled: allocation <c>steady</c>, whatever its nodes are doing and whether or
    /// not it reached its targets (a stopped resize settles with <c>ResizeStopped</c> among its resize errors). Batch
    /// resizes, removes nodes and changes autoscale only on a steady pool, so this is the wait before each of those.
    /// Use <see cref="BatchPoolReadyOperation"/> to wait for the nodes as well.
    /// </summary>
    public class BatchPoolSteadyOperation : BatchPoolOperation
    {
        private static readonly string[] PoolSelect = ["id", "state", "allocationState", "targetDedicatedNodes", "targetLowPriorityNodes", "currentDedicatedNodes", "currentLowPriorityNodes", "resizeErrors"];

        /// <param name="client">The client that polls.</param>
        /// <param name="poolId">The pool.</param>
        /// <param name="timeProvider">The clock the waits sleep on; the system clock when null.</param>
        public BatchPoolSteadyOperation(BatchClient client, string poolId, TimeProvider? timeProvider = null)
            : base(client, poolId, timeProvider)
        {
        }

        /// <summary>For mocking.</summary>
        protected BatchPoolSteadyOperation()
        {
        }

        protected override async ValueTask PollAsync(CancellationToken cancellationToken)
        {
            var response = await Client.GetPoolAsync(Id, PoolSelect, cancellationToken: cancellationToken).ConfigureAwait(false);
            Record(response.GetRawResponse());
            LastPool = response.Value;
            if (response.Value.AllocationState == AllocationState.Steady) Complete(response.Value);
        }
    }
}
