namespace ClusterlessHpc.Cli.Tests;

/// <summary>The built tool as a user runs it: a separate process, standard input and exit code.</summary>
public class ToolProcessTests
{
    private static string ToolDll => Path.Combine(RepositoryRoot.Path, "runtime", "ClusterlessHpc.Cli", "bin", BuildConfiguration.Name, "net10.0", "ClusterlessHpc.Cli.dll");

    [Fact]
    public void The_built_tool_checks_and_evaluates_from_standard_input()
    {
        Assert.True(File.Exists(ToolDll), ToolDll + " was not built");
        var check = ProcessRunner.Run("dotnet", [ToolDll, "formula", "check", "-"], stdin: "$TargetDedicatedNodes = {pool.CurrentDedicatedComputeNodes};");
        Assert.Equal(1, check.ExitCode);
        Assert.StartsWith("<stdin>(1,25): error CHPC1020: '{pool.CurrentDedicatedComputeNodes}' is not allowed", check.Stdout);

        var eval = ProcessRunner.Run("dotnet", [ToolDll, "formula", "eval", "-", "--targets", "2,0", "--now", "2024-05-06T12:00:00Z"], stdin: "$TargetDedicatedNodes=3");
        Assert.Equal((0, "$TargetDedicatedNodes=3;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue"), (eval.ExitCode, eval.Stdout.TrimEnd()));

        var usage = ProcessRunner.Run("dotnet", [ToolDll, "formula", "eval"]);
        Assert.Equal(3, usage.ExitCode);
    }

    [Fact]
    public void Apply_then_status_in_two_processes_see_the_same_pool_through_the_emulators_state_under_home()
    {
        using var home = new TempFiles();
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home.Folder,
            // A port nobody listens on, so no standalone emulator on this machine is used.
            ["CHPC_EMULATOR_PORT"] = AccountTests.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ClusterlessHpc__Batch__Endpoint"] = "",
        };
        var parameters = EmulatorFixture.Parameters(home, "process", nodes: 1);

        var apply = ProcessRunner.Run("dotnet", [ToolDll, "apply", "--parameters", parameters], environment: environment, workingDirectory: home.Folder);
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("] process_1: ready: 1 idle node(s)\n", apply.Stdout.ReplaceLineEndings("\n"));
        Assert.DoesNotContain('\u001b', apply.Stdout);

        var status = ProcessRunner.Run("dotnet", [ToolDll, "status", "--json"], environment: environment, workingDirectory: home.Folder);
        Assert.True(status.ExitCode == 0, status.Stdout + status.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(status.Stdout);
        var pool = Assert.Single(json.RootElement.GetProperty("pools").EnumerateArray());
        Assert.Equal(("process_1", 1), (pool.GetProperty("id").GetString(), pool.GetProperty("nodeCounts").GetProperty("idle").GetInt32()));
        Assert.True(File.Exists(Path.Combine(home.Folder, ".clusterlesshpc", "emulator-state.json")));
    }
}

/// <summary>The standalone emulator, as a user runs it: what it logs when it refuses a request.</summary>
public class EmulatorProcessTests
{
    private static string ToolDll => Path.Combine(RepositoryRoot.Path, "runtime", "ClusterlessHpc.Cli", "bin", BuildConfiguration.Name, "net10.0", "ClusterlessHpc.Cli.dll");

    [Fact]
    public async Task At_debug_level_the_emulator_logs_whether_the_account_name_or_the_key_was_wrong()
    {
        var port = AccountTests.FreePort();
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { ToolDll, "emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--log-level", "Debug" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        // The banner is on standard output, the emulator's log on standard error.
        process.OutputDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string Output() { lock (output) return output.ToString(); }
        try
        {
            await Until(() => Output().Contains("Batch emulator listening on", StringComparison.Ordinal), Output);
            var endpoint = new Uri($"http://127.0.0.1:{port}/");
            var key = Emulator.BatchEmulatorOptions.DevelopmentAccountKey;
            var wrongKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
            var options = new Batch.BatchClientOptions();
            options.Retry.MaxRetries = 0;

            var misnamed = await Assert.ThrowsAsync<Azure.RequestFailedException>(() =>
                new Batch.BatchClient(endpoint, new Azure.AzureNamedKeyCredential("devbatchx", key), options).GetPoolAsync("p"));
            var miskeyed = await Assert.ThrowsAsync<Azure.RequestFailedException>(() =>
                new Batch.BatchClient(endpoint, new Azure.AzureNamedKeyCredential("devbatch", wrongKey), options).GetPoolAsync("p"));

            Assert.Equal(("AuthenticationFailed", "AuthenticationFailed"), (misnamed.ErrorCode, miskeyed.ErrorCode));
            await Until(() => Output().Contains("signature was not made with that account's key", StringComparison.Ordinal), Output);
            Assert.Contains("Refused GET /pools/p: it is signed for account 'devbatchx', and this emulator serves 'devbatch'.", Output());
            Assert.Contains("Refused GET /pools/p: it names account 'devbatch', but its signature was not made with that account's key.", Output());
            Assert.DoesNotContain(wrongKey, Output());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task Until(Func<bool> condition, Func<string> output)
    {
        for (var attempt = 0; attempt < 300 && !condition(); attempt++) await Task.Delay(50);
        Assert.True(condition(), "not seen within 15 s in:\n" + output());
    }
}
