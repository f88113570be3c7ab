namespace ClusterlessHpc.Batch.Models
{
    /// <summary>The user a task runs as.</summary>
    public sealed class UserIdentity
    {
        public string? Username { get; set; }

        public AutoUserSpecification? AutoUser { get; set; }
    }
}
