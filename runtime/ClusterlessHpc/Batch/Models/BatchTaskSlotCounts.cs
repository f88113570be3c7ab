namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The scheduling slots a job's tasks take, by the tasks' state (TaskSlotCounts): each task counts its required slots.</summary>
    public sealed class BatchTaskSlotCounts
    {
        public int Active { get; init; }

        public int Running { get; init; }

        public int Completed { get; init; }

        public int Succeeded { get; init; }

        public int Failed { get; init; }
    }
}
