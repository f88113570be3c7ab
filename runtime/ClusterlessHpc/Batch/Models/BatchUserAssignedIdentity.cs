namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A user-assigned managed identity (UserAssignedIdentity).</summary>
    public sealed class BatchUserAssignedIdentity
    {
        public string ResourceId { get; init; } = "";

        public string? ClientId { get; init; }

        public string? PrincipalId { get; init; }
    }
}
