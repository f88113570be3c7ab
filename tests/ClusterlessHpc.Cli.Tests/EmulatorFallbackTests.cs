using System.Net;
using System.Net.Sockets;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>With no account configured, commands use the standalone emulator when it answers, else one of their own that keeps its state under ~/.clusterlesshpc.</summary>
public class EmulatorFallbackTests
{
    private static CliEnvironment Home(TempFiles home, int emulatorPort) => new()
    {
        Variables = new Dictionary<string, string>
        {
            ["HOME"] = home.Folder,
            ["CHPC_EMULATOR_PORT"] = emulatorPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        WorkingDirectory = home.Folder,
    };

    [Fact]
    public async Task Apply_then_status_in_two_invocations_see_the_same_pools_through_the_state_file()
    {
        using var home = new TempFiles();
        var chpc = Home(home, AccountTests.FreePort());
        var parameters = EmulatorFixture.Parameters(home, "persisted", nodes: 2);

        var apply = await chpc.RunAsync("apply", "--parameters", parameters);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var stateFile = Path.Combine(home.Folder, ".clusterlesshpc", "emulator-state.json");
        Assert.Contains($"Batch account: devbatch on an emulator in this process (state in {stateFile};", apply.Stderr);
        Assert.True(File.Exists(stateFile));

        var status = await chpc.RunAsync("status", "persisted_1", "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        var pool = Assert.Single(status.Json().GetProperty("pools").EnumerateArray());
        Assert.Equal(2, pool.GetProperty("nodeCounts").GetProperty("idle").GetInt32());

        Assert.Equal($"persisted_1: no change\n", (await chpc.RunAsync("plan", "--parameters", parameters)).Stdout);
    }

    [Fact]
    public async Task A_state_file_that_cannot_be_written_ends_the_command_with_an_error_not_a_silent_loss()
    {
        using var home = new TempFiles();
        var chpc = Home(home, AccountTests.FreePort());
        var parameters = EmulatorFixture.Parameters(home, "unsaved", nodes: 1);
        // The state is written to a temporary file beside it, then renamed: a folder in that place makes every write fail.
        Directory.CreateDirectory(Path.Combine(home.Folder, ".clusterlesshpc", "emulator-state.json.tmp"));

        var apply = await chpc.RunAsync("apply", "--parameters", parameters);

        Assert.True(apply.ExitCode == ExitCodes.OperationFailed, apply.ToString());
        Assert.Contains("The emulator's state could not be saved", apply.Stderr);
        Assert.Contains("the next command will not see what this one did", apply.Stderr);
    }

    [Fact]
    public async Task A_folder_where_the_state_file_should_be_is_named_before_anything_is_done()
    {
        using var home = new TempFiles();
        var chpc = Home(home, AccountTests.FreePort());
        var stateFile = Path.Combine(home.Folder, ".clusterlesshpc", "emulator-state.json");
        Directory.CreateDirectory(stateFile);

        var status = await chpc.RunAsync("status");

        Assert.True(status.ExitCode == ExitCodes.OperationFailed, status.ToString());
        Assert.Contains($"The emulator state file {stateFile} is a folder, not a file.", status.Stderr);
    }

    [Fact]
    public async Task A_running_standalone_emulator_is_used_instead()
    {
        using var home = new TempFiles();
        var port = AccountTests.FreePort();
        var chpc = Home(home, port);
        using var stop = new CancellationTokenSource();
        var output = new CliEnvironment { Variables = chpc.Variables };
        var running = output.Start(stop.Token, "emulator");
        await running.WaitForOutputAsync("Press Ctrl+C to stop.");

        var status = await chpc.RunAsync("status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains($"Batch account: devbatch on the emulator at http://127.0.0.1:{port}/ (chpc emulator)", status.Stderr);
        Assert.Equal("No pools.\n", status.Stdout);
        Assert.False(Directory.Exists(Path.Combine(home.Folder, ".clusterlesshpc")));

        stop.Cancel();
        var stopped = await running.Completion;
        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains($"Batch emulator listening on http://127.0.0.1:{port}/\n", stopped.Stdout);
        Assert.Contains("chpc commands without --endpoint use this emulator. Press Ctrl+C to stop.", stopped.Stdout);
        Assert.EndsWith("Emulator stopped.\n", stopped.Stdout);
    }

    [Fact]
    public async Task Something_else_on_the_emulators_port_exits_2()
    {
        using var home = new TempFiles();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var accepting = Task.Run(async () =>
            {
                // Accepts and hangs up at once, as a port held by something that is not an emulator might.
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync();
                }
            });
            var result = await Home(home, port).RunAsync("status");
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains($"Something listens on http://127.0.0.1:{port}/ but does not answer as the emulator of the devbatch account", result.Stderr);
        }
        finally
        {
            listener.Stop();
        }
    }
}
