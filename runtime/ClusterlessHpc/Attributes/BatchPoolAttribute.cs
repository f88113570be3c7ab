using System;

namespace ClusterlessHpc
{
    /// <summary>
    /// Declares an Azure Batch pool on a <c>partial</c> class. The ClusterlessHpc generator adds
    /// <c>Definition</c> and <c>StartupScript</c> to the class; every invalid setting is a CHPC diagnostic.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class BatchPoolAttribute : Attribute
    {
        /// <param name="id">The Batch pool id: at most 64 letters, digits, hyphens and underscores.</param>
        public BatchPoolAttribute(string id) => Id = id;

        public string Id { get; }

        /// <summary>The Azure VM size of every node; the default is <c>Standard_E2s_v3</c>.</summary>
        public string VmSize { get; set; } = PoolDefinition.DefaultVmSize;

        /// <summary>Target dedicated nodes (default 1 when no low-priority count is given).</summary>
        public int NodeCount { get; set; }

        /// <summary>Target low-priority (Spot) nodes (default 0).</summary>
        public int LowPriorityNodeCount { get; set; }

        /// <summary>Tasks that may run at once on one node: 1 (the default) to 256.</summary>
        public int TaskSlotsPerNode { get; set; }

        /// <summary>Let nodes talk to each other directly (MPI); limits how large the pool can grow.</summary>
        public bool InterNodeCommunication { get; set; }

        /// <summary>How long a resize may take, at least 5 minutes (the service's default is 15).</summary>
        public int ResizeTimeoutMinutes { get; set; }

        /// <summary>The named account (configuration <c>ClusterlessHpc:Batch:Accounts:&lt;name&gt;</c>) the pool lives in.</summary>
        public string? Account { get; set; }
    }
}
