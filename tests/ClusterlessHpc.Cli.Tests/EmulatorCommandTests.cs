using System.Security.Cryptography;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Cli.Tests;

public class EmulatorCommandTests
{
    [Fact]
    public async Task The_development_account_and_its_public_key_are_shown_and_another_key_is_not()
    {
        using var stop = new CancellationTokenSource();
        var running = new CliEnvironment().Start(stop.Token, "emulator", "--port", "0");
        await running.WaitForOutputAsync("Press Ctrl+C to stop.");
        stop.Cancel();
        var development = await running.Completion;
        Assert.Equal(0, development.ExitCode);
        Assert.Matches(@"^Batch emulator listening on http://127\.0\.0\.1:\d+/\n  account      devbatch\n", development.Stdout);
        Assert.Contains($"  key          {BatchEmulatorOptions.DevelopmentAccountKey}  (the public development key, for the emulator only)\n", development.Stdout);
        Assert.Contains("  state        none: the pools are gone when it stops", development.Stdout);
        Assert.Contains("  start tasks  simulated\n", development.Stdout);

        using var files = new TempFiles();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        using var stopOther = new CancellationTokenSource();
        var other = new CliEnvironment { WorkingDirectory = files.Folder }
            .Start(stopOther.Token, "emulator", "--port", "0", "--account", "myaccount", "--key", key, "--state", "state.json");
        await other.WaitForOutputAsync("Press Ctrl+C to stop.");
        stopOther.Cancel();
        var custom = await other.Completion;
        Assert.Equal(0, custom.ExitCode);
        Assert.DoesNotContain(key, custom.Stdout + custom.Stderr);
        Assert.Contains("  key          the one given with --key (not shown)\n", custom.Stdout);
        Assert.Contains($"  state        {files.PathOf("state.json")}\n", custom.Stdout);
        Assert.Contains("--account myaccount --key ...", custom.Stdout);
        Assert.True(File.Exists(files.PathOf("state.json")));
    }

    [Theory]
    [InlineData("--account", "someone")]
    [InlineData("--port", "70000")]
    [InlineData("--key", "not base64")]
    [InlineData("--log-level", "loud")]
    public async Task Invalid_options_exit_3(params string[] args)
    {
        var result = await new CliEnvironment().RunAsync(["emulator", .. args]);
        Assert.Equal(3, result.ExitCode);
        Assert.DoesNotContain("not base64", result.Stderr);
    }

    [Fact]
    public async Task A_port_in_use_exits_2()
    {
        await using var busy = await BatchEmulator.StartAsync();
        var result = await new CliEnvironment().RunAsync("emulator", "--port", busy.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: cannot listen on 127.0.0.1:{busy.Endpoint.Port}", result.Stderr);
    }
}
