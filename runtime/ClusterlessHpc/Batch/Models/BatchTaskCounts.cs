namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// A job's tasks by state (TaskCounts). <see cref="Completed"/> is <see cref="Succeeded"/> plus <see cref="Failed"/>;
    /// <see cref="Running"/> includes preparing tasks. The service may report these a few seconds late.
    /// </summary>
    public sealed class BatchTaskCounts
    {
        public int Active { get; init; }

        public int Running { get; init; }

        public int Completed { get; init; }

        public int Succeeded { get; init; }

        public int Failed { get; init; }
    }
}
