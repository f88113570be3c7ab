using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The body of the remove-nodes request (NodeRemoveParameter).</summary>
    public sealed class BatchNodeRemoveOptions
    {
        /// <summary>The ids of the nodes to remove, at most 100.</summary>
        public IList<string> NodeList { get; set; } = new List<string>();

        public TimeSpan? ResizeTimeout { get; set; }

        public BatchNodeDeallocationOption? NodeDeallocationOption { get; set; }
    }
}
