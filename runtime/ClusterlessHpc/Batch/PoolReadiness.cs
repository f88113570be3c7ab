using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// The one meaning of a ready pool, and of a pool that will not get there. Ready: allocation <c>steady</c>, as
    /// many nodes as the pool's targets (dedicated plus low-priority; an autoscale pool's are the formula's), and every
    /// node <c>idle</c> or <c>running</c> (a pool busy with tasks is ready), so none starting, waiting for its start
    /// task, start-task-failed, unusable, preempted or leaving. Failed: the pool is being deleted, a node's start task
    /// failed, the steady pool reports resize errors, or a node is unusable (checked in that order).
    /// </summary>
    internal static class PoolReadiness
    {
        public static bool IsReady(BatchPool pool, IReadOnlyList<BatchNode> nodes) =>
            pool.AllocationState == AllocationState.Steady
            && pool.ResizeErrors is not { Count: > 0 }
            && nodes.Count == Target(pool)
            && nodes.All(IsUsable);

        /// <summary>The pool's target: dedicated plus low-priority nodes (an autoscale pool's are its formula's).</summary>
        public static int Target(BatchPool pool) => (pool.TargetDedicatedNodes ?? 0) + (pool.TargetLowPriorityNodes ?? 0);

        /// <summary>A node that counts towards a ready pool: <c>idle</c>, or <c>running</c> tasks.</summary>
        public static bool IsUsable(BatchNode node) => node.State == BatchNodeState.Idle || node.State == BatchNodeState.Running;

        /// <summary>Why the pool will not become ready, or null while it still may.</summary>
        public static PoolWaitFailure? FindFailure(string poolId, BatchPool pool, IReadOnlyList<BatchNode> nodes)
        {
            if (pool.State == BatchPoolState.Deleting)
            {
                return new PoolWaitFailure(BatchPoolWaitErrorCodes.PoolBeingDeleted, $"Pool '{poolId}' is being deleted.", null, []);
            }
            if (nodes.FirstOrDefault(n => n.State == BatchNodeState.StartTaskFailed) is { } failed)
            {
                var info = failed.StartTaskInfo;
                var exitCode = info?.ExitCode?.ToString(CultureInfo.InvariantCulture);
                return new PoolWaitFailure(
                    info?.FailureInfo?.Code ?? BatchPoolWaitErrorCodes.StartTaskFailed,
                    $"The start task of node '{failed.Id}' in pool '{poolId}' failed with exit code {exitCode ?? "?"}: {info?.FailureInfo?.Message}",
                    failed,
                    [("NodeId", failed.Id ?? ""), ("ExitCode", exitCode ?? "")]);
            }
            if (pool.AllocationState == AllocationState.Steady && pool.ResizeErrors is { Count: > 0 } errors)
            {
                return new PoolWaitFailure(
                    errors[0].Code ?? BatchPoolWaitErrorCodes.ResizeError,
                    $"Pool '{poolId}' could not reach its targets: " + string.Join("; ", errors.Select(e => $"{e.Code}: {e.Message}")),
                    null,
                    (errors[0].Values ?? []).Select(v => (v.Name ?? "", v.Value ?? "")).ToList());
            }
            var unusable = nodes.Where(n => n.State == BatchNodeState.Unusable).ToList();
            if (unusable.Count > 0)
            {
                var reasons = unusable.SelectMany(n => n.Errors ?? []).Select(e => $"{e.Code}: {e.Message}").Distinct().ToList();
                return new PoolWaitFailure(
                    BatchPoolWaitErrorCodes.NodeUnusable,
                    $"{unusable.Count} node(s) of pool '{poolId}' are unusable ({string.Join(", ", unusable.Select(n => n.Id))})" +
                    (reasons.Count == 0 ? "." : ": " + string.Join("; ", reasons)),
                    unusable[0],
                    [("NodeId", unusable[0].Id ?? "")]);
            }
            return null;
        }
    }

    /// <summary>Why a pool will not become ready: the code, the message, the node concerned (if one is) and details for the exception's <c>Data</c>.</summary>
    internal sealed record PoolWaitFailure(string Code, string Message, BatchNode? Node, IReadOnlyList<(string Key, string Value)> Details);
}
