using System;

namespace ClusterlessHpc.Cli.Accounts
{
    /// <summary>
    /// The Batch account a command talks to: an endpoint with a name and a key, or a service principal, or (with
    /// neither) DefaultAzureCredential; or, with no endpoint, the emulator. <see cref="ToString"/> never shows a secret.
    /// </summary>
    internal sealed record AccountChoice(Uri? Endpoint, string? Name, string? Key, string Source)
    {
        public static AccountChoice Emulator { get; } = new(null, null, null, "no endpoint is configured");

        /// <summary>The service principal that signs in when there is no key.</summary>
        public ServicePrincipal? Principal { get; init; }

        public bool IsEmulator => Endpoint is null;

        public override string ToString() =>
            IsEmulator ? "the emulator" : $"{Name} at {Shown(Endpoint!)} ({SignIn}, from {Source})";

        /// <summary>The endpoint without user information or query, where a mistaken password or SAS would otherwise show.</summary>
        private static string Shown(Uri endpoint) =>
            endpoint.UserInfo.Length == 0 && endpoint.Query.Length == 0
                ? endpoint.ToString()
                : new UriBuilder(endpoint) { UserName = "", Password = "", Query = "" }.Uri.ToString();

        private string SignIn => Key is not null ? "shared key" : Principal?.ToString() ?? "DefaultAzureCredential";
    }

    /// <summary>A service principal: tenant, application (client) id and client secret. Its string form leaves the secret out.</summary>
    internal sealed record ServicePrincipal(string TenantId, string ClientId, string Secret)
    {
        public override string ToString() => $"service principal {ClientId} of tenant {TenantId}";
    }
}
