using System;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The Batch agent on a node (NodeAgentInformation).</summary>
    public sealed class BatchNodeAgentInfo
    {
        public string Version { get; init; } = "";

        public DateTimeOffset LastUpdateTime { get; init; }
    }
}
