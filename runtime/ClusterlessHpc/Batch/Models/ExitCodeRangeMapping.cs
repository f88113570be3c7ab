namespace ClusterlessHpc.Batch.Models
{
    /// <summary>What the service does when a task exits with a code from <see cref="Start"/> to <see cref="End"/>, both included.</summary>
    public sealed class ExitCodeRangeMapping
    {
        public int Start { get; set; }

        public int End { get; set; }

        public ExitOptions ExitOptions { get; set; } = new();
    }
}
