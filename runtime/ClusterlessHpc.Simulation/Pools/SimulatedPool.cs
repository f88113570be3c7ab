using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// A pool as the model holds it: its settings (the add request, changed by patch, update-properties and the
    /// autoscale operations) and its server state. Changed only under the account's lock (see <see cref="PoolModel"/>).
    /// This is also the pool's saved shape (see <see cref="ModelState"/>); what is computed from it is not saved.
    /// </summary>
    public sealed class SimulatedPool
    {
        /// <summary>The pool's settings, validated.</summary>
        public required BatchPoolCreateOptions Spec { get; set; }

        public required DateTimeOffset CreationTime { get; init; }

        /// <summary>The last time the pool's own settings or targets changed (not its nodes), as the service defines it.</summary>
        public required DateTimeOffset LastModified { get; set; }

        public required string ETag { get; set; }

        /// <summary>The number in the pool's node ids (<c>tvm-NUMBER_n-...</c>).</summary>
        public required long IdNumber { get; init; }

        public int NodesAllocated { get; set; }

        public DateTimeOffset StateTransitionTime { get; set; }

        /// <summary>Set by delete: the pool is <c>deleting</c> from then until its nodes are gone and the delete delay has passed.</summary>
        public DateTimeOffset? DeleteRequestedAt { get; set; }

        public AllocationState Allocation { get; set; } = AllocationState.Steady;

        public DateTimeOffset AllocationSince { get; set; }

        /// <summary>The latest time a node finished being created or left, for the time the allocation became steady.</summary>
        public DateTimeOffset BusyUntil { get; set; }

        /// <summary>Set by stop-resize: the pool is <c>stopping</c> at least until then.</summary>
        public DateTimeOffset? StoppingUntil { get; set; }

        public int TargetDedicated { get; set; }

        public int TargetLowPriority { get; set; }

        /// <summary>The timeout of the most recent resize (the initial sizing counts as one).</summary>
        public TimeSpan ResizeTimeout { get; set; }

        /// <summary>The errors of the most recent resize, reported once the pool is steady.</summary>
        public List<ResizeError> ResizeErrors { get; init; } = [];

        /// <summary>The errors of the resize in progress (one per kind of node at most), reported when it ends.</summary>
        public List<ResizeError> PendingResizeErrors { get; init; } = [];

        public AutoScaleRun? AutoScaleRun { get; set; }

        /// <summary>When autoscale next evaluates the formula.</summary>
        public DateTimeOffset? NextEvaluation { get; set; }

        public DateTimeOffset? LastEnableAutoScale { get; set; }

        /// <summary>The latest document of the metrics feed.</summary>
        public JsonElement? Metrics { get; set; }

        public List<SimulatedNode> Nodes { get; init; } = [];

        /// <summary>The metric samples of the last day, oldest first (not saved).</summary>
        [JsonIgnore]
        public List<PoolSample> Samples { get; } = [];

        public string Id => Spec.Id;

        public bool IsDeleting => DeleteRequestedAt is not null;

        public bool AutoScaleEnabled => Spec.EnableAutoScale == true;

        public bool IsWindows =>
            Spec.VirtualMachineConfiguration?.NodeAgentSkuId.StartsWith("batch.node.windows", StringComparison.OrdinalIgnoreCase) == true;

        public int CurrentNodes(bool dedicated) => Nodes.Count(n => n.IsDedicated == dedicated && n.Phase != NodePhase.Leaving);
    }
}
