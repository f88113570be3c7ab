namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A user-assigned identity of the pool that nodes use (ComputeNodeIdentityReference).</summary>
    public sealed class BatchNodeIdentityReference
    {
        public string? ResourceId { get; set; }
    }
}
