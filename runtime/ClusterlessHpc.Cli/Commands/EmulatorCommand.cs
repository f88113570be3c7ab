using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc emulator [--port N] [--state FILE] [--execute-start-tasks [--allow-development-key]] [--account NAME --key BASE64]
    /// [--nodes-dir DIR] [--time-scale X] [--accept-bearer-tokens] [--log-level LEVEL] [--verbose]</c>: the Batch emulator,
    /// standalone, until Ctrl+C or SIGTERM. The options are <see cref="BatchEmulatorOptions.Parse"/>'s, read once by
    /// System.CommandLine and checked by the emulator's own rules (<see cref="BatchEmulatorOptions.EnsureValidStandalone"/>). The emulator's log goes to standard error, one line per message; its notices are said once, in the banner.
    /// </summary>
    internal static class EmulatorCommand
    {
        public static Command Create(CliConsole console)
        {
            var port = new Option<int?>("--port") { Description = $"The loopback port (default {BatchEmulatorOptions.DefaultPort}, or ${BatchConnection.EmulatorPortVariable}; 0 takes any free port).", HelpName = "N" };
            var state = new Option<string?>("--state") { Description = "Keep the pools and nodes in FILE, so a restarted emulator still has them (default: none).", HelpName = "FILE" };
            var execute = new Option<bool>("--execute-start-tasks") { Description = "Run start tasks for real, in a sandbox folder per node (default: simulate them). Needs a key of your own, or --allow-development-key." };
            var executeTasks = new Option<bool>("--execute-tasks") { Description = "Run tasks for real too, in their node's sandbox (implies --execute-start-tasks; default: simulate them for their CHPC_EMULATOR_TASK_DURATION)." };
            var preemptionRate = new Option<string?>("--spot-preemption-rate") { Description = "Preempt spot nodes at this rate, in preemptions per node per hour of the emulator's clock (default 0: never).", HelpName = "X" };
            var preemptionSeed = new Option<int?>("--spot-preemption-seed") { Description = "The seed of the preemptions: the same seed preempts the same nodes at the same times.", HelpName = "N" };
            var allowDevelopmentKey = new Option<bool>("--allow-development-key") { Description = "Execute start tasks with the public development key, although anyone who can reach the port with it can then run code here." };
            var account = new Option<string?>("--account") { Description = $"Serve this account instead of {BatchEmulatorOptions.DevelopmentAccountName} (needs --key).", HelpName = "NAME" };
            var key = new Option<string?>("--key") { Description = "The account's key, base64 (default: the public development key). Never printed.", HelpName = "BASE64" };
            var nodesDirectory = new Option<string?>("--nodes-dir") { Description = "Where executed nodes get their folders (default: next to the state file, else a temporary folder).", HelpName = "DIR" };
            var timeScale = new Option<string?>("--time-scale") { Description = "Run the emulator's clock X times faster (default 1).", HelpName = "X" };
            var bearer = new Option<bool>("--accept-bearer-tokens") { Description = "Accept Microsoft Entra ID bearer tokens as well as Shared Key." };
            var logLevel = new Option<string?>("--log-level") { Description = "Trace, Debug, Information (default), Warning, Error, Critical or None.", HelpName = "LEVEL" };
            var verbose = new Option<bool>("--verbose") { Description = "Log every request, and errors with their stack traces." };
            var dedicatedCores = CommonOptions.Count("--dedicated-core-quota", "The account's dedicated core quota (each node counts its VM size's vCPUs); a resize beyond it ends with AccountCoreQuotaReached (default: none).");
            var lowPriorityCores = CommonOptions.Count("--low-priority-core-quota", "The account's low-priority (spot) core quota; beyond it, AccountLowPriorityCoreQuotaReached (default: none).");
            var command = new Command("emulator", "Run the Batch emulator on 127.0.0.1 until Ctrl+C; chpc commands without --endpoint use it.")
            {
                port, state, execute, executeTasks, preemptionRate, preemptionSeed, allowDevelopmentKey, account, key, nodesDirectory, timeScale, bearer, logLevel, verbose,
                dedicatedCores, lowPriorityCores,
            };
            command.SetAction(async (parsed, cancellationToken) =>
            {
                // The command line is read once, here, into the emulator's options; the emulator checks them as a whole.
                var options = BatchEmulatorOptions.Standalone();
                try
                {
                    options.Port = parsed.GetValue(port) ?? BatchConnection.EmulatorPort(console);
                    if (parsed.GetValue(state) is { } file) options.StateFile = console.FullPath(file);
                    if (parsed.GetValue(execute)) options.StartTaskMode = StartTaskMode.Execute;
                    if (parsed.GetValue(executeTasks))
                    {
                        options.ExecuteTasks = true;
                        options.StartTaskMode = StartTaskMode.Execute;
                    }
                    if (parsed.GetValue(preemptionRate) is { } rate) options.SpotPreemptionRate = BatchEmulatorOptions.ParseSpotPreemptionRate(rate);
                    if (parsed.GetValue(preemptionSeed) is { } seed) options.SpotPreemptionSeed = seed;
                    options.AllowDevelopmentKey = parsed.GetValue(allowDevelopmentKey);
                    if (parsed.GetValue(account) is { } name) options.AccountName = name;
                    if (parsed.GetValue(key) is { } secret) options.AccountKey = secret;
                    if (parsed.GetValue(nodesDirectory) is { } folder) options.NodesDirectory = console.FullPath(folder);
                    if (parsed.GetValue(timeScale) is { } scale) options.TimeScale = BatchEmulatorOptions.ParseTimeScale(scale);
                    options.AcceptBearerTokens = parsed.GetValue(bearer);
                    if (parsed.GetValue(logLevel) is { } level) options.MinimumLogLevel = BatchEmulatorOptions.ParseLogLevel(level);
                    options.Verbose = parsed.GetValue(verbose);
                    options.DedicatedCoreQuota = parsed.GetValue(dedicatedCores);
                    options.LowPriorityCoreQuota = parsed.GetValue(lowPriorityCores);
                    options.EnsureValidStandalone();
                }
                catch (ArgumentException e)
                {
                    // The emulator's messages never show a key.
                    console.Error.WriteLine("error: " + e.Message);
                    console.Error.WriteLine("Run 'chpc emulator --help' for usage.");
                    return ExitCodes.Usage;
                }
                options.LogWriter = console.Error;
                // The banner says the notices; the emulator must not say them again.
                options.LogStartMessages = false;
                return await RunAsync(console, options, cancellationToken).ConfigureAwait(false);
            });
            return command;
        }

        private static async Task<int> RunAsync(CliConsole console, BatchEmulatorOptions options, CancellationToken cancellationToken)
        {
            BatchEmulator emulator;
            try
            {
                emulator = await BatchEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                console.Error.WriteLine($"error: cannot listen on 127.0.0.1:{options.Port}: {e.Message} (is another emulator running? chpc emulator --port N picks another port)");
                return ExitCodes.OperationFailed;
            }
            catch (InvalidOperationException e)
            {
                console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.OperationFailed;
            }

            await using (emulator.ConfigureAwait(false))
            {
                var developmentKey = options.AccountKey == BatchEmulatorOptions.DevelopmentAccountKey;
                console.Output.WriteLine($"Batch emulator listening on {emulator.Endpoint}");
                console.Output.WriteLine($"  account      {emulator.AccountName}");
                console.Output.WriteLine(developmentKey
                    // The development key is public (README.md, "The emulator"), like Azurite's; any other key stays unprinted.
                    ? $"  key          {BatchEmulatorOptions.DevelopmentAccountKey}  (the public development key, for the emulator only)"
                    : "  key          the one given with --key (not shown)");
                console.Output.WriteLine($"  state        {options.StateFile ?? "none: the pools are gone when it stops (--state FILE keeps them)"}");
                console.Output.WriteLine($"  start tasks  {StartTasks(emulator, options)}");
                foreach (var notice in emulator.Notices)
                {
                    if (notice.Level >= Microsoft.Extensions.Logging.LogLevel.Warning)
                    {
                        console.Output.Flush();
                        console.Error.WriteLine("warning: " + notice.Text);
                        console.Error.Flush();
                    }
                    else
                    {
                        console.Output.WriteLine(notice.Text);
                    }
                }
                if (options.Port == BatchConnection.EmulatorPort(console) && options.AccountName == BatchEmulatorOptions.DevelopmentAccountName && developmentKey)
                {
                    console.Output.WriteLine("chpc commands without --endpoint use this emulator. Press Ctrl+C to stop.");
                }
                else
                {
                    console.Output.WriteLine($"Use it with: chpc status --endpoint {emulator.Endpoint}" +
                                             (developmentKey ? "" : $" --account {emulator.AccountName} --key ...") + ". Press Ctrl+C to stop.");
                }
                console.Output.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM: stop, writing the state file.
                }
            }
            console.Output.WriteLine("Emulator stopped" + (options.StateFile is null ? "." : $"; its state is in {options.StateFile}."));
            return ExitCodes.Done;
        }

        private static string StartTasks(BatchEmulator emulator, BatchEmulatorOptions options) => options.StartTaskMode switch
        {
            StartTaskMode.Execute when emulator.NodesDirectory is { } nodes => $"executed, in a folder per node under {nodes}",
            StartTaskMode.Execute => "executed",
            _ => "simulated",
        };
    }
}
