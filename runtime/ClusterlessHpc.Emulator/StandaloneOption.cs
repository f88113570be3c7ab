using System;
using System.Collections.Generic;
using System.Globalization;

namespace ClusterlessHpc.Emulator
{
    /// <summary>
    /// One option of the standalone emulator's command line: its name, the name of its value, what it does, and how its
    /// value sets <see cref="BatchEmulatorOptions"/>. <see cref="All"/> is the whole command line, declared here once:
    /// <see cref="BatchEmulatorOptions.Parse"/> reads it, and a host that reads the command line with a parser of its own
    /// (<c>chpc emulator</c>) builds its options and help from it and applies them with <see cref="Apply"/>, so the two
    /// accept the same options, with the same meaning and the same error messages.
    /// </summary>
    public sealed class StandaloneOption
    {
        private readonly Action<BatchEmulatorOptions, string> apply;

        private StandaloneOption(string name, string? valueName, string description, bool isPath, Action<BatchEmulatorOptions, string> apply)
        {
            Name = name;
            ValueName = valueName;
            Description = description;
            IsPath = isPath;
            this.apply = apply;
        }

        /// <summary>The option as typed, such as <c>--port</c>.</summary>
        public string Name { get; }

        /// <summary>The name its value goes by in help, such as <c>N</c>; null for a flag, which takes no value.</summary>
        public string? ValueName { get; }

        /// <summary>One or two sentences for help: what the option does, and its default.</summary>
        public string Description { get; }

        /// <summary>
        /// The value is a file or folder path. <see cref="Apply"/> takes it as given, so a relative path is relative to the
        /// emulator's working directory; a host that has a working directory of its own, not the process's (<c>chpc</c>'s
        /// console), makes it absolute first.
        /// </summary>
        public bool IsPath { get; }

        /// <summary>
        /// Sets <paramref name="options"/> as the option given with <paramref name="value"/> does: null for a flag, the
        /// text typed after the option otherwise. The options are checked as a whole afterwards, by
        /// <see cref="BatchEmulatorOptions.EnsureValidStandalone"/>.
        /// </summary>
        /// <exception cref="ArgumentException">A missing or invalid value, or a value given to a flag (the message never shows a key).</exception>
        public void Apply(BatchEmulatorOptions options, string? value)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (ValueName is null)
            {
                if (value is not null) throw new ArgumentException($"The option {Name} takes no value.");
            }
            else if (value is null)
            {
                throw new ArgumentException($"The option {Name} needs a value.");
            }
            apply(options, value ?? "");
        }

        /// <summary>Every option of the standalone emulator, in the order help lists them.</summary>
        public static IReadOnlyList<StandaloneOption> All { get; } =
        [
            Valued("--port", "N", $"The loopback port (default {BatchEmulatorOptions.DefaultPort}; 0 takes any free port).",
                (options, text) => options.Port = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
                    ? port
                    : throw new ArgumentException("--port needs a number between 0 and 65535.")),
            Valued("--state", "FILE", "Keep the pools and nodes in FILE, so a restarted emulator still has them (default: none).",
                (options, file) => options.StateFile = file, isPath: true),
            Flag("--execute-start-tasks", "Run start tasks for real, in a sandbox folder per node (default: simulate them). Needs a key of your own, or --allow-development-key.",
                options => options.StartTaskMode = StartTaskMode.Execute),
            Flag("--execute-tasks", "Run tasks for real too, in their node's sandbox (implies --execute-start-tasks; default: simulate them for their CHPC_EMULATOR_TASK_DURATION).",
                options =>
                {
                    options.ExecuteTasks = true;
                    options.StartTaskMode = StartTaskMode.Execute;
                }),
            Valued("--spot-preemption-rate", "X", "Preempt spot nodes at this rate, in preemptions per node per hour of the emulator's clock (default 0: never).",
                (options, text) => options.SpotPreemptionRate = BatchEmulatorOptions.ParseSpotPreemptionRate(text)),
            Valued("--spot-preemption-seed", "N", "The seed of the preemptions: the same seed preempts the same nodes at the same times.",
                (options, text) => options.SpotPreemptionSeed = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
                    ? seed
                    : throw new ArgumentException("--spot-preemption-seed needs an integer.")),
            Flag("--allow-development-key", "Execute start tasks with the public development key, although anyone who can reach the port with it can then run code here.",
                options => options.AllowDevelopmentKey = true),
            Valued("--account", "NAME", $"Serve this account instead of {BatchEmulatorOptions.DevelopmentAccountName} (needs --key).",
                (options, name) => options.AccountName = name),
            Valued("--key", "BASE64", "The account's key, base64 (default: the public development key). Never printed.",
                (options, key) => options.AccountKey = key),
            Valued("--nodes-dir", "DIR", "Where executed nodes get their folders (default: next to the state file, else a temporary folder).",
                (options, folder) => options.NodesDirectory = folder, isPath: true),
            Valued("--time-scale", "X", "Run the emulator's clock X times faster (default 1).",
                (options, text) => options.TimeScale = BatchEmulatorOptions.ParseTimeScale(text)),
            Flag("--accept-bearer-tokens", "Accept Microsoft Entra ID bearer tokens as well as Shared Key.",
                options => options.AcceptBearerTokens = true),
            Valued("--log-level", "LEVEL", "Trace, Debug, Information (default), Warning, Error, Critical or None.",
                (options, text) => options.MinimumLogLevel = BatchEmulatorOptions.ParseLogLevel(text)),
            Flag("--verbose", "Log every request, and errors with their stack traces.",
                options => options.Verbose = true),
            Valued("--dedicated-core-quota", "N", "The account's dedicated core quota (each node counts its VM size's vCPUs); a resize beyond it ends with AccountCoreQuotaReached (default: none).",
                (options, text) => options.DedicatedCoreQuota = BatchEmulatorOptions.ParseQuota("--dedicated-core-quota", text)),
            Valued("--low-priority-core-quota", "N", "The account's low-priority (spot) core quota; beyond it, AccountLowPriorityCoreQuotaReached (default: none).",
                (options, text) => options.LowPriorityCoreQuota = BatchEmulatorOptions.ParseQuota("--low-priority-core-quota", text)),
        ];

        private static StandaloneOption Flag(string name, string description, Action<BatchEmulatorOptions> set) =>
            new(name, valueName: null, description, isPath: false, (options, _) => set(options));

        private static StandaloneOption Valued(string name, string valueName, string description, Action<BatchEmulatorOptions, string> set, bool isPath = false) =>
            new(name, valueName, description, isPath, set);
    }
}
