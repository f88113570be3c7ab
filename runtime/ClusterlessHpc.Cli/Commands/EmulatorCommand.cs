using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc emulator [--port N] [--state FILE] [--execute-start-tasks [--allow-development-key]] [--account NAME --key BASE64]
    /// [--nodes-dir DIR] [--time-scale X] [--accept-bearer-tokens] [--log-level LEVEL] [--verbose] ...</c>: the Batch emulator,
    /// standalone, until Ctrl+C or SIGTERM. The options are the emulator's own (<see cref="StandaloneOption.All"/>, which
    /// <see cref="BatchEmulatorOptions.Parse"/> reads too), declared to System.CommandLine for its parsing and help, applied
    /// by the emulator's table and checked by the emulator's own rules (<see cref="BatchEmulatorOptions.EnsureValidStandalone"/>).
    /// The emulator's log goes to standard error, one line per message; its notices are said once, in the banner.
    /// </summary>
    internal static class EmulatorCommand
    {
        public static Command Create(CliConsole console)
        {
            // The emulator's --verbose is chpc's own, which every command has: declared twice, help would list it twice.
            var verbose = StandaloneOption.All.Single(option => option.Name == Chpc.VerboseOption);
            var declared = StandaloneOption.All.Where(option => option != verbose).Select(option => (Option: option, Declared: Declare(option))).ToList();
            var command = new Command("emulator", "Run the Batch emulator on 127.0.0.1 until Ctrl+C; chpc commands without --endpoint use it.");
            foreach (var (_, option) in declared) command.Options.Add(option);
            command.SetAction(async (parsed, cancellationToken) =>
            {
                // The command line is read once, here, into the emulator's options; the emulator checks them as a whole.
                var options = BatchEmulatorOptions.Standalone();
                try
                {
                    // chpc's default port, which --port replaces when given: chpc's other commands look for the emulator there.
                    options.Port = BatchConnection.EmulatorPort(console);
                    foreach (var (option, given) in declared)
                    {
                        switch (given)
                        {
                            case Option<bool> flag when parsed.GetValue(flag):
                                option.Apply(options, null);
                                break;
                            case Option<string?> valued when parsed.GetValue(valued) is { } text:
                                // Paths are relative to chpc's working directory, which is the console's, not necessarily the process's.
                                option.Apply(options, option.IsPath ? console.FullPath(text) : text);
                                break;
                        }
                    }
                    if (parsed.GetValue<bool>(Chpc.VerboseOption)) verbose.Apply(options, null);
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

        /// <summary>
        /// The System.CommandLine form of an emulator option: a flag as a bool, a valued option as its text, which the
        /// emulator's table parses so that chpc and <see cref="BatchEmulatorOptions.Parse"/> refuse a value in the same words.
        /// </summary>
        private static Option Declare(StandaloneOption option)
        {
            if (option.ValueName is null) return new Option<bool>(option.Name) { Description = option.Description };
            var description = option.Name == PortOption
                // chpc's own default, which the emulator's table cannot know.
                ? $"{option.Description} ${BatchConnection.EmulatorPortVariable}, when set, replaces the default."
                : option.Description;
            return new Option<string?>(option.Name) { Description = description, HelpName = option.ValueName };
        }

        private const string PortOption = "--port";

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
