namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A service artifact that pins the image versions of all nodes.</summary>
    public sealed class ServiceArtifactReference
    {
        public string Id { get; set; } = "";
    }
}
