namespace ClusterlessHpc.Batch.Models
{
    /// <summary>An environment variable of a task.</summary>
    public sealed class EnvironmentSetting
    {
        public string Name { get; set; } = "";

        public string? Value { get; set; }
    }
}
