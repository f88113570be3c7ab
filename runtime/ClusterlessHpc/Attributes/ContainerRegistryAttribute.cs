using System;

namespace ClusterlessHpc
{
    /// <summary>
    /// A private registry for the container images: a user name with a password taken from configuration by
    /// <see cref="PasswordSetting"/> (never written here), or a managed identity of the pool.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ContainerRegistryAttribute : Attribute
    {
        public ContainerRegistryAttribute(string server) => Server = server;

        public string Server { get; }

        public string? UserName { get; set; }

        /// <summary>The configuration key that holds the password, for example <c>Registries:Contoso:Password</c>.</summary>
        public string? PasswordSetting { get; set; }

        /// <summary>The ARM id of a user-assigned identity of the pool with pull access.</summary>
        public string? IdentityResourceId { get; set; }
    }
}
