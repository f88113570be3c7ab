using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc emulator</c>: a local Azure Batch account on 127.0.0.1 until Ctrl+C. The options are read by
    /// <see cref="BatchEmulatorOptions.Parse"/>, the same parser a host of the emulator library uses.
    /// </summary>
    internal static class EmulatorCommand
    {
        public static Command Create(CliConsole console)
        {
            var port = new Option<string?>("--port") { Description = "The loopback port (default 10100; 0 takes any free port).", HelpName = "N" };
            var state = new Option<string?>("--state") { Description = "Keep the pools and nodes in FILE, so a restarted emulator still has them.", HelpName = "FILE" };
            var execute = new Option<bool>("--execute-start-tasks") { Description = "Run start tasks for real, in a sandbox folder per node (default: simulate them)." };
            var account = new Option<string?>("--account") { Description = "The account to serve (default devbatch); needs --key.", HelpName = "NAME" };
            var key = new Option<string?>("--key") { Description = "The account's base64 key.", HelpName = "BASE64" };
            var nodes = new Option<string?>("--nodes-dir") { Description = "Where executed nodes get their folders.", HelpName = "DIR" };
            var timeScale = new Option<string?>("--time-scale") { Description = "Run the emulator's clock X times faster.", HelpName = "X" };
            var bearer = new Option<bool>("--accept-bearer-tokens") { Description = "Accept Entra ID bearer tokens as well as Shared Key." };
            var logLevel = new Option<string?>("--log-level") { Description = "Trace, Debug, Information (default), Warning, Error, Critical or None.", HelpName = "LEVEL" };
            var command = new Command("emulator", "Run a local Azure Batch emulator on 127.0.0.1 until Ctrl+C.")
            {
                port, state, execute, account, key, nodes, timeScale, bearer, logLevel,
            };
            command.SetAction((parsed, cancellationToken) =>
            {
                var args = new List<string>();
                void Add(Option<string?> option)
                {
                    if (parsed.GetValue(option) is { } value) args.AddRange([option.Name, value]);
                }
                Add(port);
                Add(state);
                Add(account);
                Add(key);
                Add(nodes);
                Add(timeScale);
                Add(logLevel);
                if (parsed.GetValue(execute)) args.Add(execute.Name);
                if (parsed.GetValue(bearer)) args.Add(bearer.Name);
                return RunAsync(console, args, cancellationToken);
            });
            return command;
        }

        private static async Task<int> RunAsync(CliConsole console, IReadOnlyList<string> args, CancellationToken cancellationToken)
        {
            BatchEmulatorOptions options;
            try
            {
                options = BatchEmulatorOptions.Parse(args);
            }
            catch (ArgumentException e)
            {
                await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            BatchEmulator emulator;
            try
            {
                emulator = await BatchEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                await console.Error.WriteLineAsync("error: the emulator did not start: " + e.Message).ConfigureAwait(false);
                return ExitCodes.OperationFailed;
            }
            await using (emulator.ConfigureAwait(false))
            {
                await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Batch emulator listening on {emulator.Endpoint} (account {emulator.AccountName}, {options.StartTaskMode.ToString().ToLowerInvariant()} start tasks). Press Ctrl+C to stop.")).ConfigureAwait(false);
                await console.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM: stop, writing the state file.
                }
            }
            return ExitCodes.Done;
        }
    }
}
