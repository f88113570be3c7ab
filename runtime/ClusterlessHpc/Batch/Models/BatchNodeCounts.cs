namespace ClusterlessHpc.Batch.Models
{
    /// <summary>Nodes counted by state (NodeCounts).</summary>
    public sealed class BatchNodeCounts
    {
        public int Creating { get; init; }

        public int Idle { get; init; }

        public int Offline { get; init; }

        public int Preempted { get; init; }

        public int Rebooting { get; init; }

        public int Reimaging { get; init; }

        public int Running { get; init; }

        public int Starting { get; init; }

        public int StartTaskFailed { get; init; }

        public int LeavingPool { get; init; }

        public int Unknown { get; init; }

        public int Unusable { get; init; }

        public int WaitingForStartTask { get; init; }

        public int UpgradingOS { get; init; }

        public int Deallocated { get; init; }

        public int Deallocating { get; init; }

        public int Total { get; init; }
    }
}
