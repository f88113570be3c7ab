using System;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>How <see cref="PoolProvisioner"/> waits for a pool's nodes.</summary>
    public sealed class PoolProvisionerOptions
    {
        /// <summary>The first poll comes soon, so a fast pool is reported ready fast.</summary>
        public TimeSpan FirstPollDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>
        /// Polls (and retries of a request that failed transiently) back off exponentially up to this interval: Azure.Core's
        /// exponential <see cref="Azure.Core.DelayStrategy"/>, which varies each delay by up to 20 % so that many waits do not poll in step.
        /// </summary>
        public TimeSpan MaxPollDelay { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>The longest <see cref="Timeout"/>: the longest a .NET timer waits (2^32 - 2 ms, about 49.7 days).</summary>
        public static TimeSpan MaxTimeout { get; } = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

        private TimeSpan _timeout = TimeSpan.FromMinutes(30);

        /// <summary>
        /// How long a pool may take to be ready (or to settle, or to be gone) before the wait fails: more than zero and at
        /// most <see cref="MaxTimeout"/>, refused when set, so that a wait cannot fail only after its pool was created.
        /// </summary>
        public TimeSpan Timeout
        {
            get => _timeout;
            set => _timeout = value > TimeSpan.Zero && value <= MaxTimeout
                ? value
                : throw new ArgumentOutOfRangeException(nameof(Timeout), value, $"The provisioning timeout must be more than zero and at most {MaxTimeout.TotalDays:0.#} days.");
        }

        /// <summary>
        /// How long a pool may stay below its target before the wait reports it stalled, with its root cause
        /// (<see cref="ProvisioningStage.Stalled"/>, <see cref="PoolStallExplainer"/>): the pool's resize timeout when null.
        /// A cause that waiting does not cure (a resize error, a failed start task or formula) is reported at once.
        /// </summary>
        public TimeSpan? StallThreshold { get; set; }

        /// <summary>
        /// The clock every wait sleeps on and every timeout and elapsed time is measured by: the system clock when
        /// null; a test's (or the emulator's) clock to run provisioning without real waiting. The Batch client's own
        /// retries of a failed request still wait on the real clock.
        /// </summary>
        public TimeProvider? TimeProvider { get; set; }

        /// <summary>
        /// Looks up the configuration keys a definition names for secrets (<c>PasswordSetting</c>, <c>AccountKeySetting</c>,
        /// <c>SasKeySetting</c>); hosting binds it to <c>IConfiguration</c>. Null when no definition names one.
        /// </summary>
        public Func<string, string?>? Settings { get; set; }

        /// <summary>What to do when the pool exists but differs from its definition.</summary>
        public DriftPolicy DriftPolicy { get; set; } = DriftPolicy.Fail;

        /// <summary>With <see cref="DriftPolicy.UpdateInPlace"/>: what happens to existing nodes when the start task changes.</summary>
        public ExistingNodes ExistingNodesOnStartTaskChange { get; set; } = ExistingNodes.Leave;

        /// <summary>How many lines of a failed start task's <c>stderr.txt</c> the error shows.</summary>
        public int StderrTailLines { get; set; } = 50;

        /// <summary>
        /// How the startup script reaches the nodes; null for inline (in the start task itself). Hosting sets it from
        /// the <c>Delivery</c> and <c>Storage</c> configuration (<see cref="Delivery.ScriptDeliveryFactory"/>).
        /// </summary>
        public Delivery.IScriptDelivery? ScriptDelivery { get; set; }

        /// <summary>
        /// The owner of the pools this provisioner creates: the name of the assembly or parameters file that declares them
        /// (<c>chpc apply</c> writes the file name of its <c>--assembly</c> or <c>--parameters</c>). Recorded as the pool's
        /// <see cref="PoolJobRunner.SourceMetadata"/>, which <see cref="PoolProvisioner.FindLeftoversAsync"/> and
        /// <c>chpc prune</c> look for; null records none, and such a pool is never swept.
        /// </summary>
        public string? Source { get; set; }

        /// <summary>Check the image and node agent against the account's supported images before creating a pool.</summary>
        public bool Preflight { get; set; } = true;
    }
}
