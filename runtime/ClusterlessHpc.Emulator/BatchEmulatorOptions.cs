using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using ClusterlessHpc.Emulator.Faults;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator
{
    /// <summary>
    /// How a <see cref="BatchEmulator"/> listens, which account it serves, how fast its nodes change state, how it runs
    /// start tasks, and whether it keeps its state in a file. <see cref="Parse"/> reads the same settings from
    /// command-line arguments (<c>chpc emulator</c>).
    /// </summary>
    public sealed class BatchEmulatorOptions
    {
        /// <summary>The port of the standalone emulator (<c>chpc emulator</c>).</summary>
        public const int DefaultPort = 10100;

        /// <summary>The well-known account the emulator serves unless told otherwise.</summary>
        public const string DevelopmentAccountName = ClusterlessHpc.Hosting.BatchAccountClients.DevelopmentAccountName;

        /// <summary>
        /// The well-known key of <see cref="DevelopmentAccountName"/>. It is public, published in the README, and only
        /// for the emulator (as Azurite's <c>devstoreaccount1</c> key is): never use it for a real account.
        /// </summary>
        public const string DevelopmentAccountKey = ClusterlessHpc.Hosting.BatchAccountClients.DevelopmentAccountKey;

        /// <summary>The loopback port to listen on; 0 (the default) takes any free port.</summary>
        public int Port { get; set; }

        /// <summary>The account name requests must be signed for.</summary>
        public string AccountName { get; set; } = DevelopmentAccountName;

        /// <summary>The base64 account key signatures are verified with.</summary>
        public string AccountKey { get; set; } = DevelopmentAccountKey;

        /// <summary>
        /// Lets <see cref="StartTaskMode.Execute"/> serve <see cref="DevelopmentAccountKey"/> (<c>--allow-development-key</c>).
        /// Off by default: that key is published, so anyone who can reach the emulator's port with it could run code on
        /// this machine through a pool's start task; an emulator that executes start tasks wants a key of its own.
        /// </summary>
        public bool AllowDevelopmentKey { get; set; }

        /// <summary>When set, the emulator serves HTTPS with this certificate (it needs its private key) instead of HTTP.</summary>
        public X509Certificate2? Certificate { get; set; }

        /// <summary>
        /// Accept <c>Authorization: Bearer</c> tokens as well as Shared Key. With no <see cref="BearerTokenValidator"/>, a
        /// token is accepted when it is a JWT for <c>https://batch.core.windows.net/</c> that has not expired; its
        /// signature is not checked (the emulator has no identity provider).
        /// </summary>
        public bool AcceptBearerTokens { get; set; }

        /// <summary>Decides whether a bearer token is accepted, instead of the audience and expiry check.</summary>
        public Func<string, bool>? BearerTokenValidator { get; set; }

        /// <summary>How long a new node stays <c>creating</c>; the pool's allocation is <c>resizing</c> meanwhile.</summary>
        public TimeSpan NodeCreatingDelay { get; set; } = TimeSpan.FromMilliseconds(300);

        /// <summary>How long a node stays <c>starting</c> (booting) before its start task runs.</summary>
        public TimeSpan NodeStartingDelay { get; set; } = TimeSpan.FromMilliseconds(300);

        /// <summary>How long a simulated start task runs, at least (longer if its syntax check is still running).</summary>
        public TimeSpan StartTaskDelay { get; set; } = TimeSpan.FromMilliseconds(400);

        /// <summary>How long a node stays <c>rebooting</c> before its start task runs again.</summary>
        public TimeSpan NodeRebootingDelay { get; set; } = TimeSpan.FromMilliseconds(300);

        /// <summary>How long a node stays <c>reimaging</c> before its start task runs again on a fresh disk.</summary>
        public TimeSpan NodeReimagingDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>How long a node stays <c>leavingpool</c> once nothing holds it any more.</summary>
        public TimeSpan NodeLeavingDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>How long a pool stays <c>stopping</c> after a stop-resize, at least.</summary>
        public TimeSpan StopResizeDelay { get; set; } = TimeSpan.FromMilliseconds(100);

        /// <summary>How long a deleted pool stays visible in the <c>deleting</c> state, at least (until its nodes are gone).</summary>
        public TimeSpan PoolDeleteDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>The service refuses to enable autoscale on a pool more than once in this time (<c>TooManyEnableAutoScaleRequests</c>).</summary>
        public TimeSpan EnableAutoScaleMinimumInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long a deleted job stays visible in the <c>deleting</c> state.</summary>
        public TimeSpan JobDeleteDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>
        /// How late a metric sample reaches autoscale formulas. The emulator samples each autoscale pool's tasks and nodes
        /// every 30 seconds of its clock; the service documents that samples reach formulas about a minute late, which is
        /// the default. <see cref="TimeSpan.Zero"/> lets formulas see a sample the moment it is taken.
        /// </summary>
        public TimeSpan MetricsDelay { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>
        /// How often a spot (low-priority) node is preempted on average, in preemptions per node per hour of the
        /// emulator's clock (<c>--spot-preemption-rate</c>); 0, the default, never. A preempted node goes <c>preempted</c>,
        /// its running tasks are requeued, and the pool gets it back after <see cref="SpotRecoveryDelay"/>.
        /// </summary>
        public double SpotPreemptionRate { get; set; }

        /// <summary>The seed of the preemptions (<c>--spot-preemption-seed</c>): the same seed preempts the same nodes at the same times.</summary>
        public int SpotPreemptionSeed { get; set; }

        /// <summary>How long a preempted node stays <c>preempted</c> before the pool gets it back and it boots afresh.</summary>
        public TimeSpan SpotRecoveryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>
        /// Run tasks for real (<c>--execute-tasks</c>): each task's command line runs in its node's sandbox, as the Batch
        /// agent runs it. It needs <see cref="StartTaskMode.Execute"/>, which <c>--execute-tasks</c> sets. Off by default:
        /// tasks are simulated, their duration and exit code taken from their <c>CHPC_EMULATOR_TASK_DURATION</c> and
        /// <c>CHPC_EMULATOR_TASK_EXIT_CODE</c> settings.
        /// </summary>
        public bool ExecuteTasks { get; set; }

        /// <summary>
        /// The account's quota of dedicated nodes (across pools); a resize beyond it stops there with the resize error
        /// <c>AccountCoreQuotaReached</c>, as the service does with cores.
        /// </summary>
        public int DedicatedNodeQuota { get; set; } = 5000;

        /// <summary>The quota of low-priority nodes; beyond it, <c>AccountLowPriorityCoreQuotaReached</c>.</summary>
        public int LowPriorityNodeQuota { get; set; } = 5000;

        /// <summary>
        /// The account's quota of dedicated cores (<c>--dedicated-core-quota</c>), as the service counts it: each node
        /// counts its VM size's vCPUs (read off the size's name: <c>Standard_E8s_v3</c> is 8), across the account's pools.
        /// A resize beyond it stops there and the pool goes steady with the resize error <c>AccountCoreQuotaReached</c>
        /// and the service's message. Null (the default) for no core quota.
        /// </summary>
        public int? DedicatedCoreQuota { get; set; }

        /// <summary>The quota of low-priority (spot) cores (<c>--low-priority-core-quota</c>); beyond it, <c>AccountLowPriorityCoreQuotaReached</c>. Null for none.</summary>
        public int? LowPriorityCoreQuota { get; set; }

        /// <summary>
        /// Injected allocation failures, by pool id (ignoring case): every resize that grows the pool allocates none of
        /// the missing nodes and ends steady with this resize error code, <c>AllocationFailed</c> (the region has no
        /// capacity for the VM size) or <c>AllocationTimedout</c> (the resize timeout was reached).
        /// </summary>
        public IDictionary<string, string> AllocationFailures { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The resize error codes <see cref="AllocationFailures"/> accepts.</summary>
        public static IReadOnlyList<string> AllocationFailureCodes { get; } = ["AllocationFailed", "AllocationTimedout"];

        /// <summary>
        /// Injected unusable nodes, by pool id (ignoring case): every node of the pool boots and then goes <c>unusable</c>
        /// instead of running its start task, its <c>errors</c> holding this code with a message, as the service reports a
        /// node that failed to set up: <c>ApplicationPackageError</c> (an application package of the pool could not be
        /// deployed) or <c>ContainerInvalidImage</c> (a container image of the pool could not be downloaded). An unusable
        /// node counts as <c>unusable</c> in the node counts, runs no tasks, and stays until it leaves the pool (remove it,
        /// shrink or delete the pool): reboot and reimage are refused with 409 <c>NodeStateUnusable</c>. A preempted spot
        /// node of the pool boots unusable again.
        /// </summary>
        public IDictionary<string, string> UnusableNodes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The node error codes <see cref="UnusableNodes"/> accepts.</summary>
        public static IReadOnlyList<string> UnusableNodeCodes => UnusableNodeErrors.Codes;

        /// <summary>
        /// The clock node, pool and autoscale states follow. Tests pass a clock they advance by hand; request signatures
        /// and bearer-token expiry are still checked against the real time.
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>
        /// Runs the emulator's clock this many times faster than <see cref="TimeProvider"/> (from the moment it starts),
        /// so that hours of autoscale intervals pass in minutes. 1 by default; more than 0 and at most <see cref="MaxTimeScale"/>.
        /// </summary>
        public double TimeScale { get; set; } = 1;

        /// <summary>
        /// The fastest clock: half a year of running passes 5,000 years of its time, within what a date can hold (a much
        /// faster one overflows the clock within days, and every request fails).
        /// </summary>
        public const double MaxTimeScale = 10_000;

        /// <summary>Whether start tasks are simulated (the default) or executed in a sandbox.</summary>
        public StartTaskMode StartTaskMode { get; set; } = StartTaskMode.Simulate;

        /// <summary>
        /// Where executed nodes get their sandbox folders. Default: next to <see cref="StateFile"/> when there is one
        /// (so nodes keep their disks across restarts), else a temporary folder deleted when the emulator stops.
        /// </summary>
        public string? NodesDirectory { get; set; }

        /// <summary>
        /// The first user id executed start tasks run as when the emulator runs as root; node n runs as this plus n, so
        /// nodes cannot touch each other's folders. Without root, start tasks run as the emulator's own user.
        /// </summary>
        public int SandboxUidBase { get; set; } = 200_000;

        /// <summary>
        /// Executed start tasks, as root: the files custom images bring, by image id (a pool's <c>virtualMachineImageId</c>,
        /// <c>sharedGalleryImageId</c> or <c>communityGalleryImageId</c>, compared ignoring case). Each folder is laid out as
        /// a node's root filesystem (<c>usr/bin/julia</c>, <c>opt/julia-1.10.5/...</c>); its top-level folders are laid
        /// read-only over the host's folders of the same name for that pool's nodes, and its <c>usr/local/bin</c> is copied
        /// into each node's own <c>/usr/local/bin</c> when the node's disk is new.
        /// </summary>
        public IDictionary<string, string> ImageFiles { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>A file the emulator keeps its pools and nodes in, so that a restarted emulator still has them.</summary>
        public string? StateFile { get; set; }

        /// <summary>Seeded faults (429, 500, 503, connection resets, latency) per route, to test clients' retries.</summary>
        public FaultInjectionOptions? Faults { get; set; }

        /// <summary>
        /// A test seam, asked once for each node when it is allocated: a non-null result is the exit code that node's
        /// simulated start task ends with, whatever its command line.
        /// </summary>
        public Func<string, string, int?>? StartTaskExitCode { get; set; }

        /// <summary>A test seam: the formula engine autoscale uses, instead of the runtime's.</summary>
        internal IAutoScaleEngine? AutoScaleEngine { get; set; }

        /// <summary>The least severe log messages written; warnings and up by default.</summary>
        public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

        /// <summary>
        /// Log every request (ASP.NET Core's request logging, at Information) and exceptions with their stack traces
        /// (<c>--verbose</c>). Off by default: a client polling a pool makes hundreds of requests a minute.
        /// </summary>
        public bool Verbose { get; set; }

        /// <summary>
        /// Where the log goes, one plain line per message (<c>warning: ...</c>), instead of the console logger. Exceptions
        /// show their message only, unless <see cref="Verbose"/>.
        /// </summary>
        public TextWriter? LogWriter { get; set; }

        /// <summary>
        /// Whether the emulator logs where it listens and its <see cref="BatchEmulator.Notices"/> when it starts (the
        /// default). A host that shows them itself, as <c>chpc emulator</c> does, turns this off so each is said once.
        /// </summary>
        public bool LogStartMessages { get; set; } = true;

        /// <summary>A test seam: whether the emulator runs as root (which decides whether executed start tasks are confined).</summary>
        internal Func<bool>? IsRoot { get; set; }

        /// <summary>
        /// Reads <c>[--port N] [--state FILE] [--execute-start-tasks | --execute-tasks [--allow-development-key]]
        /// [--spot-preemption-rate X [--spot-preemption-seed N]] [--account NAME --key BASE64]
        /// [--nodes-dir DIR] [--time-scale X] [--dedicated-core-quota N] [--low-priority-core-quota N] [--accept-bearer-tokens] [--log-level LEVEL] [--verbose]</c>:
        /// the options of <see cref="StandaloneOption.All"/>, each applied as it comes, then checked as a whole. The
        /// standalone emulator listens on <see cref="DefaultPort"/> unless told otherwise.
        /// </summary>
        /// <exception cref="ArgumentException">An unknown option, a missing or invalid value (the message never shows a key).</exception>
        public static BatchEmulatorOptions Parse(IReadOnlyList<string> args)
        {
            ArgumentNullException.ThrowIfNull(args);
            var options = Standalone();
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                var option = StandaloneOption.All.FirstOrDefault(o => o.Name == name) ?? throw new ArgumentException($"Unknown option '{name}'.");
                // A valued option takes the next argument even when it looks like an option: a negative seed is one (--spot-preemption-seed -3).
                var value = option.ValueName is null || i + 1 >= args.Count ? null : args[++i];
                option.Apply(options, value);
            }
            options.EnsureValidStandalone();
            return options;
        }

        /// <summary>The standalone emulator's defaults (<c>chpc emulator</c>): <see cref="DefaultPort"/>, and its log at Information.</summary>
        public static BatchEmulatorOptions Standalone() => new() { Port = DefaultPort, MinimumLogLevel = LogLevel.Information };

        /// <summary>The value of <c>--time-scale</c>: a number, such as 60.</summary>
        /// <exception cref="ArgumentException"><paramref name="text"/> is not a number.</exception>
        public static double ParseTimeScale(string text) =>
            double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var scale) && scale > 0 && scale <= MaxTimeScale
                ? scale
                : throw new ArgumentException($"--time-scale needs a number more than 0 and at most {MaxTimeScale.ToString(System.Globalization.CultureInfo.InvariantCulture)}, such as 60.");

        /// <summary>The value of <c>--spot-preemption-rate</c>: preemptions per node per hour, such as 0.5.</summary>
        /// <exception cref="ArgumentException"><paramref name="text"/> is not a number of 0 or more.</exception>
        public static double ParseSpotPreemptionRate(string text) =>
            double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var rate) && rate >= 0
                ? rate
                : throw new ArgumentException("--spot-preemption-rate needs a number of preemptions per node per hour, such as 0.5.");

        /// <summary>The value of <c>--dedicated-core-quota</c> or <c>--low-priority-core-quota</c>, named <paramref name="name"/> in the error.</summary>
        internal static int ParseQuota(string name, string text) =>
            int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var quota)
                ? quota
                : throw new ArgumentException($"{name} needs a number of cores, such as 20.");

        /// <summary>The value of <c>--log-level</c>: a <see cref="LogLevel"/> name, in any case.</summary>
        /// <exception cref="ArgumentException"><paramref name="text"/> is not a log level.</exception>
        public static LogLevel ParseLogLevel(string text) =>
            Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level)
                ? level
                : throw new ArgumentException("--log-level needs one of Trace, Debug, Information, Warning, Error, Critical, None.");

        /// <summary>
        /// Checks the options of a standalone emulator as a whole, in the words of its command line: those of
        /// <see cref="Parse"/>, or of a host that read the command line itself (<c>chpc emulator</c>).
        /// </summary>
        /// <exception cref="ArgumentException">The options cannot make an emulator (the message never shows a key).</exception>
        public void EnsureValidStandalone()
        {
            if (AccountName != DevelopmentAccountName && AccountKey == DevelopmentAccountKey)
            {
                throw new ArgumentException("--account needs --key: the development key belongs to the devbatch account.");
            }
            Validate();
        }

        /// <summary>A copy, so that changing the options after start changes nothing.</summary>
        internal BatchEmulatorOptions Snapshot() => (BatchEmulatorOptions)MemberwiseClone();

        /// <summary>What the pool model needs of these options.</summary>
        internal PoolModelSettings ModelSettings() => new()
        {
            AccountName = AccountName,
            NodeCreatingDelay = NodeCreatingDelay,
            NodeStartingDelay = NodeStartingDelay,
            NodeRebootingDelay = NodeRebootingDelay,
            NodeReimagingDelay = NodeReimagingDelay,
            NodeLeavingDelay = NodeLeavingDelay,
            StopResizeDelay = StopResizeDelay,
            PoolDeleteDelay = PoolDeleteDelay,
            EnableAutoScaleMinimumInterval = EnableAutoScaleMinimumInterval,
            DedicatedNodeQuota = DedicatedNodeQuota,
            LowPriorityNodeQuota = LowPriorityNodeQuota,
            DedicatedCoreQuota = DedicatedCoreQuota,
            LowPriorityCoreQuota = LowPriorityCoreQuota,
            AllocationFailure = AllocationFailures.Count == 0 ? null : AllocationFailureOf(new Dictionary<string, string>(AllocationFailures, StringComparer.OrdinalIgnoreCase)),
            UnusableNodeError = UnusableNodes.Count == 0 ? null : UnusableNodeErrorOf(new Dictionary<string, string>(UnusableNodes, StringComparer.OrdinalIgnoreCase)),
            StartTaskExitCode = StartTaskExitCode,
            JobDeleteDelay = JobDeleteDelay,
            MetricsDelay = MetricsDelay,
            SpotPreemptionsPerHour = SpotPreemptionRate,
            SpotPreemptionSeed = SpotPreemptionSeed,
            SpotRecoveryDelay = SpotRecoveryDelay,
        };

        private static Func<string, string?> AllocationFailureOf(IReadOnlyDictionary<string, string> failures) =>
            poolId => failures.TryGetValue(poolId, out var code) ? code : null;

        private static Func<string, Batch.Models.BatchNodeError?> UnusableNodeErrorOf(IReadOnlyDictionary<string, string> codes) =>
            poolId => codes.TryGetValue(poolId, out var code) ? UnusableNodeErrors.Of(code) : null;

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
            if (!(TimeScale > 0) || !(TimeScale <= MaxTimeScale))
            {
                throw new ArgumentOutOfRangeException(nameof(TimeScale), TimeScale, $"The time scale must be more than 0 and at most {MaxTimeScale.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            }
            RequireNotNegative(NodeCreatingDelay, nameof(NodeCreatingDelay));
            RequireNotNegative(NodeStartingDelay, nameof(NodeStartingDelay));
            RequireNotNegative(StartTaskDelay, nameof(StartTaskDelay));
            RequireNotNegative(NodeRebootingDelay, nameof(NodeRebootingDelay));
            RequireNotNegative(NodeReimagingDelay, nameof(NodeReimagingDelay));
            RequireNotNegative(NodeLeavingDelay, nameof(NodeLeavingDelay));
            RequireNotNegative(StopResizeDelay, nameof(StopResizeDelay));
            RequireNotNegative(PoolDeleteDelay, nameof(PoolDeleteDelay));
            RequireNotNegative(EnableAutoScaleMinimumInterval, nameof(EnableAutoScaleMinimumInterval));
            RequireNotNegative(JobDeleteDelay, nameof(JobDeleteDelay));
            RequireNotNegative(MetricsDelay, nameof(MetricsDelay));
            RequireNotNegative(SpotRecoveryDelay, nameof(SpotRecoveryDelay));
            if (!(SpotPreemptionRate >= 0) || double.IsInfinity(SpotPreemptionRate))
            {
                throw new ArgumentOutOfRangeException(nameof(SpotPreemptionRate), SpotPreemptionRate, "The spot preemption rate must be a number of preemptions per node per hour, 0 or more.");
            }
            if (ExecuteTasks && StartTaskMode != StartTaskMode.Execute)
            {
                throw new ArgumentException("Executed tasks need executed start tasks (StartTaskMode.Execute): a task runs on the node its start task prepared.", nameof(ExecuteTasks));
            }
            if (DedicatedNodeQuota < 0) throw new ArgumentOutOfRangeException(nameof(DedicatedNodeQuota), DedicatedNodeQuota, "A quota must not be negative.");
            if (LowPriorityNodeQuota < 0) throw new ArgumentOutOfRangeException(nameof(LowPriorityNodeQuota), LowPriorityNodeQuota, "A quota must not be negative.");
            if (DedicatedCoreQuota < 0) throw new ArgumentOutOfRangeException(nameof(DedicatedCoreQuota), DedicatedCoreQuota, "A quota must not be negative.");
            if (LowPriorityCoreQuota < 0) throw new ArgumentOutOfRangeException(nameof(LowPriorityCoreQuota), LowPriorityCoreQuota, "A quota must not be negative.");
            foreach (var (poolId, code) in AllocationFailures)
            {
                if (!AllocationFailureCodes.Contains(code, StringComparer.Ordinal))
                {
                    throw new ArgumentException($"AllocationFailures['{poolId}'] is '{code}'; use one of {string.Join(", ", AllocationFailureCodes)}.", nameof(AllocationFailures));
                }
            }
            foreach (var (poolId, code) in UnusableNodes)
            {
                if (!UnusableNodeCodes.Contains(code, StringComparer.Ordinal))
                {
                    throw new ArgumentException($"UnusableNodes['{poolId}'] is '{code}'; use one of {string.Join(", ", UnusableNodeCodes)}.", nameof(UnusableNodes));
                }
            }
            if ((StartTaskMode == StartTaskMode.Execute || ExecuteTasks) && AccountKey == DevelopmentAccountKey && !AllowDevelopmentKey)
            {
                throw new ArgumentException(
                    "Executing start tasks needs a key of your own: the development key is published, so anyone who can reach the " +
                    "emulator's port with it could run code on this machine through a pool's start task. Give the account a key " +
                    "(--account NAME --key BASE64; AccountName and AccountKey in code), or accept that with --allow-development-key " +
                    "(AllowDevelopmentKey = true).");
            }
            if (SandboxUidBase < 1) throw new ArgumentOutOfRangeException(nameof(SandboxUidBase), SandboxUidBase, "The sandbox uid base must be positive.");
            Faults?.Validate();
        }

        private static void RequireNotNegative(TimeSpan value, string name)
        {
            if (value < TimeSpan.Zero) throw new ArgumentOutOfRangeException(name, value, "A delay must not be negative.");
        }
    }
}
