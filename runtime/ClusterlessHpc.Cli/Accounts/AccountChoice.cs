using System;

namespace ClusterlessHpc.Cli.Accounts
{
    /// <summary>
    /// The Batch account a command talks to: an endpoint with a name and a key (or DefaultAzureCredential when the key
    /// is absent), or, with no endpoint, the emulator. <see cref="ToString"/> never shows the key.
    /// </summary>
    internal sealed record AccountChoice(Uri? Endpoint, string? Name, string? Key, string Source)
    {
        public static AccountChoice Emulator { get; } = new(null, null, null, "no endpoint is configured");

        public bool IsEmulator => Endpoint is null;

        public override string ToString() =>
            IsEmulator ? "the emulator" : $"{Name} at {Endpoint} ({(Key is null ? "DefaultAzureCredential" : "shared key")}, from {Source})";
    }
}
