namespace ClusterlessHpc.Batch.Models
{
    /// <summary>What the service does when a task exits with one exit code.</summary>
    public sealed class ExitCodeMapping
    {
        public int Code { get; set; }

        public ExitOptions ExitOptions { get; set; } = new();
    }
}
