using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Cli.Accounts
{
    /// <summary>
    /// A client for the chosen account. With no endpoint it is the emulator: the standalone one (<c>chpc emulator</c>)
    /// when it answers on 127.0.0.1, else one started in this process for the command's duration, whose state file under
    /// <c>~/.clusterlesshpc/</c> lets the next command see the same pools.
    /// </summary>
    internal sealed class BatchConnection : IAsyncDisposable
    {
        /// <summary>Overrides the standalone emulator's port (10100), for <c>chpc emulator</c> and the commands that look for it.</summary>
        public const string EmulatorPortVariable = "CHPC_EMULATOR_PORT";

        private readonly BatchEmulator? _emulator;

        private BatchConnection(BatchClient client, string description, BatchEmulator? emulator)
        {
            Client = client;
            Description = description;
            _emulator = emulator;
        }

        public BatchClient Client { get; }

        /// <summary>Which account this is, for standard error; never the key.</summary>
        public string Description { get; }

        /// <param name="signIn">The command's token credentials, shared by its accounts.</param>
        public static async Task<BatchConnection> OpenAsync(CliConsole console, AccountChoice choice, SignIn signIn, CancellationToken cancellationToken)
        {
            if (!choice.IsEmulator) return new BatchConnection(signIn.ClientFor(choice), choice.ToString(), null);

            var port = EmulatorPort(console);
            var standalone = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            var credential = new AzureNamedKeyCredential(BatchEmulatorOptions.DevelopmentAccountName, BatchEmulatorOptions.DevelopmentAccountKey);
            if (await IsListeningAsync(port, cancellationToken).ConfigureAwait(false))
            {
                var client = new BatchClient(standalone, credential);
                await CheckStandaloneAsync(standalone, credential, cancellationToken).ConfigureAwait(false);
                return new BatchConnection(client, $"{BatchEmulatorOptions.DevelopmentAccountName} on the emulator at {standalone} (chpc emulator)", null);
            }

            var stateFile = StateFilePath(console);
            BatchEmulator emulator;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(stateFile)!);
                emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
                {
                    Port = 0,
                    StateFile = stateFile,
                    // The emulator logs to standard output, which belongs to the command's results.
                    MinimumLogLevel = LogLevel.None,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.OperationFailed, $"The emulator's state file {stateFile} cannot be used: {e.Message}", e);
            }
            return new BatchConnection(emulator.CreateClient(),
                $"{BatchEmulatorOptions.DevelopmentAccountName} on an emulator in this process (state in {stateFile}; run 'chpc emulator' to keep one running)",
                emulator);
        }

        /// <summary>The standalone emulator's port: <see cref="EmulatorPortVariable"/>, else 10100; a value that is no port is an error naming the variable.</summary>
        public static int EmulatorPort(CliConsole console)
        {
            if (console.GetEnvironmentVariable(EmulatorPortVariable) is not { Length: > 0 } text) return BatchEmulatorOptions.DefaultPort;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535) return port;
            throw new CliException(ExitCodes.InvalidInput, $"{EmulatorPortVariable} '{text}' is not a port from 1 to 65535.");
        }

        /// <summary><c>$HOME/.clusterlesshpc/emulator-state.json</c>.</summary>
        public static string StateFilePath(CliConsole console)
        {
            var home = console.GetEnvironmentVariable("HOME") is { Length: > 0 } value ? value : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(home, ".clusterlesshpc", "emulator-state.json");
        }

        /// <summary>
        /// Stops the in-process emulator, which writes its state file; a write that failed ends the command with an error, as
        /// what it did (a pool created, a job added) is not kept for the next one.
        /// </summary>
        public async ValueTask DisposeAsync()
        {
            if (_emulator is null) return;
            await _emulator.DisposeAsync().ConfigureAwait(false);
            if (_emulator.StateFileError is { } error)
            {
                throw new CliException(ExitCodes.OperationFailed,
                    $"The emulator's state could not be saved ({error.Message}): the next command will not see what this one did.", error);
            }
        }

        private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
        {
            using var socket = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        /// <summary>Something listens on the port: it must be an emulator of the development account.</summary>
        private static async Task CheckStandaloneAsync(Uri endpoint, AzureNamedKeyCredential credential, CancellationToken cancellationToken)
        {
            var options = new BatchClientOptions();
            options.Retry.MaxRetries = 0;
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
            try
            {
                await foreach (var page in new BatchClient(endpoint, credential, options).GetPoolsAsync(select: ["id"], maxResults: 1, cancellationToken: cancellationToken)
                                   .AsPages().ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (RequestFailedException e)
            {
                throw new CliException(ExitCodes.OperationFailed,
                    $"Something listens on {endpoint} but does not answer as the emulator of the {credential.Name} account ({CliErrors.FirstLine(e)}). " +
                    "Stop it, or pass its account with --endpoint, --account and --key.", e);
            }
        }
    }
}
