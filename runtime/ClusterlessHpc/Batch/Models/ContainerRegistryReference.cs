namespace ClusterlessHpc.Batch.Models
{
    /// <summary>A private container registry and how to sign in to it (ContainerRegistry).</summary>
    public sealed class ContainerRegistryReference
    {
        public string? Username { get; set; }

        public string? Password { get; set; }

        public string? RegistryServer { get; set; }

        public BatchNodeIdentityReference? IdentityReference { get; set; }
    }
}
