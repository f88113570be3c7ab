namespace ClusterlessHpc
{
    /// <summary>A container registry the nodes pull from: a user name with a password from configuration, or a managed identity.</summary>
    /// <param name="Server">The registry host, for example <c>myregistry.azurecr.io</c>.</param>
    public sealed record ContainerRegistryDefinition(string Server)
    {
        public string? UserName { get; init; }

        /// <summary>The configuration key whose value is the password (never the password itself).</summary>
        public string? PasswordSetting { get; init; }

        /// <summary>The ARM id of a user-assigned identity of the pool with pull access.</summary>
        public string? IdentityResourceId { get; init; }
    }
}
