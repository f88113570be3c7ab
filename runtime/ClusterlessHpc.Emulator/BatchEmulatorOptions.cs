using System;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator
{
    /// <summary>How a <see cref="BatchEmulator"/> listens, which account it serves and how fast its nodes start.</summary>
    public sealed class BatchEmulatorOptions
    {
        /// <summary>The port of the standalone emulator (<c>chpc emulator</c>).</summary>
        public const int DefaultPort = 10100;

        /// <summary>The well-known account the emulator serves unless told otherwise.</summary>
        public const string DevelopmentAccountName = "devbatch";

        /// <summary>
        /// The well-known key of <see cref="DevelopmentAccountName"/>. It is public, published in the README, and only
        /// for the emulator (as Azurite's <c>devstoreaccount1</c> key is): never use it for a real account.
        /// </summary>
        public const string DevelopmentAccountKey =
            "YKWG/Hm3GFMi1cPxXCgwLiPIkN1ACxBdrRp74JYjm3mOEu1Z4sUCaLGpDUrLCGJXMOl3UbrK1iBk7PxvvHzZNA==";

        /// <summary>The loopback port to listen on; 0 (the default) takes any free port.</summary>
        public int Port { get; set; }

        /// <summary>The account name requests must be signed for.</summary>
        public string AccountName { get; set; } = DevelopmentAccountName;

        /// <summary>The base64 account key signatures are verified with.</summary>
        public string AccountKey { get; set; } = DevelopmentAccountKey;

        /// <summary>How long a new node stays <c>creating</c>; the pool's allocation is <c>resizing</c> meanwhile.</summary>
        public TimeSpan NodeCreatingDelay { get; set; } = TimeSpan.FromMilliseconds(300);

        /// <summary>How long a node stays <c>starting</c> (booting) before its start task runs.</summary>
        public TimeSpan NodeStartingDelay { get; set; } = TimeSpan.FromMilliseconds(300);

        /// <summary>How long the simulated start task runs, at least (longer if its syntax check is still running).</summary>
        public TimeSpan StartTaskDelay { get; set; } = TimeSpan.FromMilliseconds(400);

        /// <summary>How long a deleted pool stays visible in the <c>deleting</c> state before it is gone.</summary>
        public TimeSpan PoolDeleteDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>
        /// The clock node and pool states are derived from. Tests pass a clock they advance by hand; request
        /// signatures are still checked against the real time.
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>
        /// A test seam, asked once for each node when its pool is created: a non-null result is the exit code that
        /// node's simulated start task ends with, whatever its command line.
        /// </summary>
        public Func<string, string, int?>? StartTaskExitCode { get; set; }

        /// <summary>The least severe log messages written; warnings and up by default.</summary>
        public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

        /// <summary>A copy, so that changing the options after start changes nothing.</summary>
        internal BatchEmulatorOptions Snapshot() => (BatchEmulatorOptions)MemberwiseClone();

        internal void Validate()
        {
            if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), Port, "The port must be between 0 and 65535.");
            if (string.IsNullOrWhiteSpace(AccountName)) throw new ArgumentException("The account name must not be empty.", nameof(AccountName));
            if (string.IsNullOrEmpty(AccountKey) || !Convert.TryFromBase64String(AccountKey, new byte[AccountKey.Length], out _))
            {
                // The message never shows the key.
                throw new ArgumentException("The account key must be base64.", nameof(AccountKey));
            }
            ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
            RequireNotNegative(NodeCreatingDelay, nameof(NodeCreatingDelay));
            RequireNotNegative(NodeStartingDelay, nameof(NodeStartingDelay));
            RequireNotNegative(StartTaskDelay, nameof(StartTaskDelay));
            RequireNotNegative(PoolDeleteDelay, nameof(PoolDeleteDelay));
        }

        private static void RequireNotNegative(TimeSpan value, string name)
        {
            if (value < TimeSpan.Zero) throw new ArgumentOutOfRangeException(name, value, "A delay must not be negative.");
        }
    }
}
