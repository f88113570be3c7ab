namespace ClusterlessHpc.Batch.Models
{
    /// <summary>An auto user's scope and elevation.</summary>
    public sealed class AutoUserSpecification
    {
        public AutoUserScope? Scope { get; set; }

        public ElevationLevel? ElevationLevel { get; set; }
    }
}
