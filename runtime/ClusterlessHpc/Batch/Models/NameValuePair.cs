namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A name and value in error details.</summary>
    public sealed class NameValuePair
    {
        public string? Name { get; init; }

        public string? Value { get; init; }
    }
}
