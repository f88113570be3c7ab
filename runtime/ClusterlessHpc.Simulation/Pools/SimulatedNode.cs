using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// A node of a pool. Changed only under the account's lock (see <see cref="PoolModel"/>). This is also the node's
    /// saved shape (see <see cref="ModelState"/>): what is in flight (the start-task attempt, the files object) is not saved.
    /// </summary>
    public sealed class SimulatedNode
    {
        private DateTimeOffset? _savedFilesCreated;
        private List<SavedFile>? _savedFiles;

        /// <summary>The node id, shaped like the service's (<c>tvm-1695681911_1-20161122t193202z</c>).</summary>
        public required string Id { get; init; }

        /// <summary>The node's affinity id, which a task's <c>affinityInfo</c> names to ask for this node (the service's <c>TVM:</c> and the node id).</summary>
        [JsonIgnore]
        public string AffinityId => AffinityIdOf(Id);

        /// <summary>The affinity id of the node <paramref name="nodeId"/>.</summary>
        public static string AffinityIdOf(string nodeId) => "TVM:" + nodeId;

        /// <summary>A number unique in the account, which picks the sandbox user of an executed node.</summary>
        public required int Number { get; init; }

        /// <summary>False for a low-priority (spot) node.</summary>
        public required bool IsDedicated { get; init; }

        public required DateTimeOffset AllocationTime { get; init; }

        /// <summary>A made-up private address.</summary>
        public required string IpAddress { get; init; }

        /// <summary>The exit code the options' test seam chose for this node, if any.</summary>
        public int? StartTaskExitCodeOverride { get; init; }

        /// <summary>The node's files; set when the node is made, or when a saved node is restored (<see cref="AttachFiles"/>).</summary>
        [JsonIgnore]
        public INodeFiles Files { get; private set; } = null!;

        /// <summary>When a simulated node's files began, for the saved state; an executed node's files are on disk.</summary>
        public DateTimeOffset? FilesCreated
        {
            get => Files is VirtualNodeFiles files ? files.Created : _savedFilesCreated;
            set => _savedFilesCreated = value;
        }

        /// <summary>A simulated node's files, for the saved state.</summary>
        [JsonPropertyName("files")]
        public List<SavedFile>? SavedFiles
        {
            get => Files is VirtualNodeFiles files ? files.Save() : _savedFiles;
            set => _savedFiles = value;
        }

        public NodePhase Phase { get; set; }

        /// <summary>When the reported state last changed (<c>stateTransitionTime</c>).</summary>
        public DateTimeOffset Since { get; set; }

        /// <summary>When a timed phase ends; null while it waits for something else (a start task to finish).</summary>
        public DateTimeOffset? Until { get; set; }

        public DateTimeOffset? LastBootTime { get; set; }

        /// <summary>The start task this node runs: the pool's as it was when the node last booted or was reimaged.</summary>
        public BatchStartTask? StartTask { get; set; }

        public BatchStartTaskInfo? StartTaskInfo { get; set; }

        /// <summary>The errors the node reports (<c>errors</c>): why it is <c>unusable</c>; null when it has none.</summary>
        public List<BatchNodeError>? Errors { get; set; }

        /// <summary>The attempt in flight, or one that was stopped and has not ended yet.</summary>
        [JsonIgnore]
        public StartTaskAttempt? Attempt { get; set; }

        /// <summary>A leaving node that lets its running start task finish first (<c>taskcompletion</c>, <c>retaineddata</c>).</summary>
        public bool LeavesAfterStartTask { get; set; }

        /// <summary>
        /// A leaving node that lets its running tasks finish first (<c>taskcompletion</c>, <c>retaineddata</c>); the model
        /// releases it when they have (and, with <see cref="WaitsForRetention"/>, when the data of its tasks is gone).
        /// </summary>
        public bool LeavesAfterTasks { get; set; }

        /// <summary>Left with <c>retaineddata</c>: it goes once every task that ran on it has reached its retention time or been deleted.</summary>
        public bool WaitsForRetention { get; set; }

        /// <summary>A spot node: when its VM is taken back, drawn from the preemption rate.</summary>
        public DateTimeOffset? PreemptAt { get; set; }

        /// <summary>How many times the node has been preempted (each draw of <see cref="PreemptAt"/> is its own).</summary>
        public int Preemptions { get; set; }

        /// <summary>A node leaving with <c>retaineddata</c> whose tasks are done: when the last of their data may go.</summary>
        public DateTimeOffset? RetainedUntil { get; set; }

        public int TotalTasksRun { get; set; }

        public int TotalTasksSucceeded { get; set; }

        /// <summary>The tasks running on the node (rebuilt from the tasks after a restore).</summary>
        [JsonIgnore]
        public List<SimulatedTask> Running { get; } = [];

        /// <summary>The scheduling slots its running tasks take.</summary>
        [JsonIgnore]
        public int UsedSlots { get; set; }

        /// <summary>Set when the node has left the pool; the pool drops it.</summary>
        [JsonIgnore]
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
            NodePhase.StartTask => WaitsForSuccess ? BatchNodeState.WaitingForStartTask : Running.Count > 0 ? BatchNodeState.Running : BatchNodeState.Idle,
            NodePhase.Idle => Running.Count > 0 ? BatchNodeState.Running : BatchNodeState.Idle,
            NodePhase.Preempted => BatchNodeState.Preempted,
            NodePhase.StartTaskFailed => BatchNodeState.StartTaskFailed,
            NodePhase.Unusable => BatchNodeState.Unusable,
            NodePhase.Rebooting => BatchNodeState.Rebooting,
            NodePhase.Reimaging => BatchNodeState.Reimaging,
            _ => BatchNodeState.LeavingPool,
        };

        /// <summary>Gives the node its files: a simulated node's saved files go back into them.</summary>
        public void AttachFiles(INodeFiles files)
        {
            Files = files;
            if (files is VirtualNodeFiles simulated && _savedFiles is { } saved) simulated.Restore(_savedFilesCreated ?? AllocationTime, saved);
            _savedFiles = null;
            _savedFilesCreated = null;
        }

        /// <summary>Whether the scheduler may start tasks here: idle or running (a start task that does not wait for success counts as idle).</summary>
        public bool AcceptsTasks => Phase == NodePhase.Idle || (Phase == NodePhase.StartTask && !WaitsForSuccess);

        /// <summary>Creating or leaving: the pool's allocation is not steady while it has such a node.</summary>
        public bool IsAllocating => Phase is NodePhase.Creating or NodePhase.Leaving;
    }
}
