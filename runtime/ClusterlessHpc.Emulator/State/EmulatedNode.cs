using System;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.NodeFiles;
using ClusterlessHpc.Emulator.StartTasks;

namespace ClusterlessHpc.Emulator.State
{
    /// <summary>A node of an emulated pool. Changed only under the account's lock (see <see cref="PoolStore"/>).</summary>
    internal sealed class EmulatedNode
    {
        /// <summary>The node id, shaped like the service's (<c>tvm-1695681911_1-20161122t193202z</c>).</summary>
        public required string Id { get; init; }

        /// <summary>A number unique in the account, which picks the sandbox user of an executed node.</summary>
        public required int Number { get; init; }

        /// <summary>False for a low-priority (spot) node.</summary>
        public required bool IsDedicated { get; init; }

        public required DateTimeOffset AllocationTime { get; init; }

        /// <summary>A made-up private address.</summary>
        public required string IpAddress { get; init; }

        /// <summary>The exit code the options' test seam chose for this node, if any.</summary>
        public int? StartTaskExitCodeOverride { get; init; }

        public required INodeFiles Files { get; init; }

        public NodePhase Phase { get; set; }

        /// <summary>When the reported state last changed (<c>stateTransitionTime</c>).</summary>
        public DateTimeOffset Since { get; set; }

        /// <summary>When a timed phase ends; null while it waits for something else (a start task to finish).</summary>
        public DateTimeOffset? Until { get; set; }

        public DateTimeOffset? LastBootTime { get; set; }

        /// <summary>The start task this node runs: the pool's as it was when the node last booted or was reimaged.</summary>
        public BatchStartTask? StartTask { get; set; }

        public BatchStartTaskInfo? StartTaskInfo { get; set; }

        /// <summary>The attempt in flight, or one that was stopped and has not ended yet.</summary>
        public StartTaskAttempt? Attempt { get; set; }

        /// <summary>A leaving node that lets its running start task finish first (<c>taskcompletion</c>, <c>retaineddata</c>).</summary>
        public bool LeavesAfterStartTask { get; set; }

        /// <summary>Set when the node has left the pool; the pool drops it.</summary>
        public bool Removed { get; set; }

        /// <summary>Bumped on every change, for the node's ETag.</summary>
        public long Version { get; set; }

        public DateTimeOffset LastModified { get; set; }

        public bool WaitsForSuccess => StartTask?.WaitForSuccess ?? true;

        /// <summary>The state the API reports.</summary>
        public BatchNodeState State => Phase switch
        {
            NodePhase.Creating => BatchNodeState.Creating,
            NodePhase.Starting => BatchNodeState.Starting,
            NodePhase.StartTask => WaitsForSuccess ? BatchNodeState.WaitingForStartTask : BatchNodeState.Idle,
            NodePhase.Idle => BatchNodeState.Idle,
            NodePhase.StartTaskFailed => BatchNodeState.StartTaskFailed,
            NodePhase.Rebooting => BatchNodeState.Rebooting,
            NodePhase.Reimaging => BatchNodeState.Reimaging,
            _ => BatchNodeState.LeavingPool,
        };

        /// <summary>Creating or leaving: the pool's allocation is not steady while it has such a node.</summary>
        public bool IsAllocating => Phase is NodePhase.Creating or NodePhase.Leaving;
    }
}
