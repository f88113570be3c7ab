namespace ClusterlessHpc.Batch.Models
{
    /// <summary>An application package deployed to nodes (ApplicationPackageReference).</summary>
    public sealed class BatchApplicationPackageReference
    {
        public string ApplicationId { get; set; } = "";

        public string? Version { get; set; }
    }
}
