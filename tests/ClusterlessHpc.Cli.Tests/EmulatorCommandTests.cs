using System.Diagnostics;
using System.Security.Cryptography;
using ClusterlessHpc.Batch;
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
    [InlineData("--time-scale", "0")]
    public async Task Invalid_options_exit_3(params string[] args)
    {
        var result = await new CliEnvironment().RunAsync(["emulator", .. args]);
        Assert.Equal(3, result.ExitCode);
        Assert.DoesNotContain("not base64", result.Stderr);
    }

    [Fact]
    public async Task The_built_tool_serves_the_Batch_api_on_its_port_until_interrupted()
    {
        var toolDll = Path.Combine(RepositoryRoot.Path, "runtime", "ClusterlessHpc.Cli", "bin", BuildConfiguration.Name, "net10.0", "ClusterlessHpc.Cli.dll");
        Assert.True(File.Exists(toolDll), toolDll + " was not built");
        var port = AccountTests.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { toolDll, "emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--log-level", "None" })
        {
            start.ArgumentList.Add(argument);
        }
        using var tool = Process.Start(start)!;
        try
        {
            var banner = await tool.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60));
            var client = new BatchClient(new Uri($"http://127.0.0.1:{port}/"),
                new Azure.AzureNamedKeyCredential(BatchEmulatorOptions.DevelopmentAccountName, BatchEmulatorOptions.DevelopmentAccountKey));
            var exists = await client.PoolExistsAsync("none", cancellationToken: TestContext.Current.CancellationToken);

            ProcessRunner.Run("kill", ["-INT", tool.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await tool.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal($"Batch emulator listening on http://127.0.0.1:{port}/", banner);
            Assert.False(exists.Value);
            Assert.Equal(0, tool.ExitCode);
            Assert.EndsWith("Emulator stopped.", (await tool.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).TrimEnd());
        }
        finally
        {
            if (!tool.HasExited) tool.Kill(entireProcessTree: true);
        }
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
