using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Cli.Accounts;
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
        Assert.Equal(1, Occurrences(development.Stdout + development.Stderr, EmulatorNotices.SimulatedStartTasks));
        Assert.Contains("  start tasks  simulated\n" + EmulatorNotices.SimulatedStartTasks + "\n", development.Stdout);

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

    /// <summary>Starts chpc emulator on a free port, sends a few dozen requests, stops it and returns what it printed.</summary>
    private static async Task<CliResult> ServeRequestsAsync(params string[] options)
    {
        using var stop = new CancellationTokenSource();
        var running = new CliEnvironment().Start(stop.Token, ["emulator", "--port", "0", .. options]);
        await running.WaitForOutputAsync("Press Ctrl+C to stop.");
        var endpoint = Regex.Match(running.CurrentStdout(), @"listening on (\S+)").Groups[1].Value;
        var client = new BatchClient(new Uri(endpoint),
            new Azure.AzureNamedKeyCredential(BatchEmulatorOptions.DevelopmentAccountName, BatchEmulatorOptions.DevelopmentAccountKey));
        for (var i = 0; i < 30; i++) await client.PoolExistsAsync("pool" + i, cancellationToken: TestContext.Current.CancellationToken);
        stop.Cancel();
        return await running.Completion;
    }

    [Fact]
    public async Task Requests_are_logged_only_with_verbose()
    {
        var quiet = await ServeRequestsAsync();
        var verbose = await ServeRequestsAsync("--verbose");

        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal("", quiet.Stderr);
        Assert.InRange(quiet.Stdout.Split('\n').Length, 5, 12);
        Assert.Equal(30, Occurrences(verbose.Stderr, "Request finished HTTP/1.1 HEAD http://127.0.0.1:"));
    }

    [Fact]
    public async Task Executing_with_the_development_key_is_refused_with_the_reason_and_the_flag()
    {
        var result = await new CliEnvironment().RunAsync("emulator", "--port", "0", "--execute-start-tasks");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error: Executing start tasks needs a key of your own", result.Stderr);
        Assert.Contains("could run code on this machine", result.Stderr);
        Assert.Contains("--allow-development-key", result.Stderr);
        Assert.DoesNotContain("listening", result.Stdout);
    }

    [Fact]
    public async Task Allowed_the_development_key_it_warns_once_on_standard_error()
    {
        using var files = new TempFiles();
        using var stop = new CancellationTokenSource();
        var running = new CliEnvironment { WorkingDirectory = files.Folder }
            .Start(stop.Token, "emulator", "--port", "0", "--execute-start-tasks", "--allow-development-key", "--nodes-dir", "nodes");
        await running.WaitForOutputAsync("Press Ctrl+C to stop.");
        stop.Cancel();
        var result = await running.Completion;

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"  start tasks  executed, in a folder per node under {files.PathOf("nodes")}\n", result.Stdout);
        Assert.Equal(1, Occurrences(result.Stderr, "warning: Start tasks run, and the account's key is the published development key"));
        Assert.Equal(1, Occurrences(result.Stdout + result.Stderr, "published development key"));
        Assert.DoesNotContain(EmulatorNotices.SimulatedStartTasks, result.Stdout + result.Stderr);
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public void Help_lists_exactly_the_emulators_options_each_with_its_value_name_and_description()
    {
        var (exit, help, _) = CliRun.Run(null, "emulator", "--help");

        Assert.Equal(0, exit);
        // Help wraps descriptions at the terminal's width; one space for each run of white space undoes that.
        var flat = Regex.Replace(help, @"\s+", " ");
        // The emulator's --verbose is chpc's own, listed once, saying what it does for the emulator too.
        foreach (var option in StandaloneOption.All.Where(o => o.Name != Chpc.VerboseOption))
        {
            var usage = option.ValueName is null ? option.Name : $"{option.Name} <{option.ValueName}>";
            Assert.Contains($" {usage} {option.Description}", flat);
        }
        Assert.Single(Regex.Matches(help, @"^  --verbose\b", RegexOptions.Multiline));
        Assert.Contains("--verbose On an unexpected failure, print its stack trace too (chpc emulator: also log every request).", flat);
        Assert.Contains("$" + BatchConnection.EmulatorPortVariable, flat);
        // An option's line starts two spaces in with its names; a wrapped description's lines start further in.
        var listed = Regex.Matches(help, @"^  (-[^\s,]+(?:, -[^\s,]+)*)", RegexOptions.Multiline)
            .SelectMany(m => m.Groups[1].Value.Split(", "))
            .ToHashSet(StringComparer.Ordinal);
        // Beyond the emulator's own: System.CommandLine's help, and chpc's --verbose, which every command has.
        var expected = StandaloneOption.All.Select(o => o.Name).Concat(["-?", "-h", "--help", Chpc.VerboseOption]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--account", "someone")]
    [InlineData("--port", "70000")]
    [InlineData("--key", "not base64")]
    [InlineData("--log-level", "loud")]
    [InlineData("--time-scale", "0")]
    [InlineData("--time-scale", "1e300")]
    [InlineData("--spot-preemption-rate", "often")]
    [InlineData("--execute-tasks")]
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
            using var http = new HttpClient();
            using var rebound = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/pools?api-version=2024-07-01.20.0");
            rebound.Headers.Host = $"attacker.example:{port}";
            using var reboundResponse = await http.SendAsync(rebound, TestContext.Current.CancellationToken);

            ProcessRunner.Run("kill", ["-INT", tool.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await tool.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal($"Batch emulator listening on http://127.0.0.1:{port}/", banner);
            Assert.False(exists.Value);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, reboundResponse.StatusCode);
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
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr);
    }
}
