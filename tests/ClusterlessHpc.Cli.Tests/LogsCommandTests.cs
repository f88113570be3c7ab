using System.Security.Cryptography;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Cli.Tests;

public class LogsCommandTests(EmulatorFixture emulator)
{
    /// <summary>A pool whose start task has a bash syntax error: the simulated node fails it and keeps the error in startup/stderr.txt.</summary>
    private async Task<(string PoolId, string NodeId)> BrokenPoolAsync()
    {
        var id = EmulatorFixture.UniqueId("logs");
        await emulator.Client.CreatePoolAsync(new BatchPoolCreateOptions
        {
            Id = id,
            VmSize = "standard_d2s_v3",
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
            TargetDedicatedNodes = 1,
            StartTask = new BatchStartTask { CommandLine = "/bin/bash -c 'echo one; if then fi'" },
        });
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await foreach (var node in emulator.Client.GetNodesAsync(id))
            {
                if (node.State == BatchNodeState.StartTaskFailed) return (id, node.Id!);
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("the node's start task did not fail");
    }

    [Fact]
    public async Task Logs_print_the_start_tasks_stdout_and_stderr_files()
    {
        var (pool, node) = await BrokenPoolAsync();
        var result = await emulator.ChpcAsync("logs", pool, node);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("==> startup/stdout.txt <==\n", result.Stdout);
        var stderrAt = result.Stdout.IndexOf("==> startup/stderr.txt <==\n", StringComparison.Ordinal);
        Assert.True(stderrAt > 0, result.Stdout);
        Assert.Contains("syntax error", result.Stdout[stderrAt..]);
    }

    [Fact]
    public async Task Stderr_only_tail_and_json()
    {
        var (pool, node) = await BrokenPoolAsync();
        var stderrFile = (await emulator.Client.GetNodeFileAsync(pool, node, "startup/stderr.txt")).Value.ToString();
        var lastLine = stderrFile.TrimEnd('\n').Split('\n')[^1];

        var only = await emulator.ChpcAsync("logs", pool, node, "--stderr-only");
        Assert.Equal((0, stderrFile.EndsWith('\n') ? stderrFile : stderrFile + "\n"), (only.ExitCode, only.Stdout));

        var tail = await emulator.ChpcAsync("logs", pool, node, "--stderr-only", "--tail", "1");
        Assert.Equal(lastLine + "\n", tail.Stdout);

        var json = (await emulator.ChpcAsync("logs", pool, node, "--json")).Json();
        Assert.Equal((pool, node), (json.GetProperty("poolId").GetString(), json.GetProperty("nodeId").GetString()));
        Assert.Equal(stderrFile, json.GetProperty("stderr").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.String, json.GetProperty("stdout").ValueKind);
    }

    [Fact]
    public async Task An_unknown_node_exits_2_and_a_bad_tail_is_a_usage_error()
    {
        var pool = await emulator.CreatePoolAsync("logsnode");
        var result = await emulator.ChpcAsync("logs", pool, "tvm-nothing");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error NodeNotFound:", result.Stderr);

        Assert.Equal(3, (await emulator.ChpcAsync("logs", pool, "tvm-nothing", "--tail", "-2")).ExitCode);
        Assert.Equal(3, (await emulator.ChpcAsync("logs", pool)).ExitCode);
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task On_a_simulated_node_it_says_once_why_the_output_is_empty()
    {
        var pool = await emulator.CreatePoolAsync("logssim");
        string? node = null;
        await foreach (var n in emulator.Client.GetNodesAsync(pool)) node = n.Id;

        var result = await emulator.ChpcAsync("logs", pool, node!);
        var json = (await emulator.ChpcAsync("logs", pool, node!, "--json")).Json();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("==> startup/stdout.txt <==\n==> startup/stderr.txt <==\n", result.Stdout);
        Assert.Contains("startup/stdout.txt: empty\n", result.Stderr);
        Assert.Contains($"note: node '{node}' is on an emulator that simulates start tasks, so they write no output. {EmulatorNotices.SimulatedStartTasks}\n", result.Stderr);
        Assert.Equal(1, Occurrences(result.Stderr, EmulatorNotices.SimulatedStartTasks));
        Assert.True(json.GetProperty("startTaskSimulated").GetBoolean());
        Assert.Equal("", json.GetProperty("stdout").GetString());
    }

    [Fact]
    public async Task On_an_executed_node_empty_output_is_only_empty()
    {
        var nodes = Directory.CreateTempSubdirectory("chpc-cli-logs-").FullName;
        try
        {
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
            await using var executing = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                AccountName = "execlogs",
                AccountKey = key,
                StartTaskMode = StartTaskMode.Execute,
                NodesDirectory = nodes,
                SandboxUidBase = SandboxUids.NextBase(),
                NodeCreatingDelay = TimeSpan.FromMilliseconds(20),
                NodeStartingDelay = TimeSpan.FromMilliseconds(20),
            });
            var client = executing.CreateClient();
            var ready = await client.StartCreatePoolAsync(new BatchPoolCreateOptions
            {
                Id = "quiet",
                VmSize = "standard_d2s_v3",
                VirtualMachineConfiguration = new VirtualMachineConfiguration
                {
                    ImageReference = new BatchVmImageReference { Publisher = "canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                    NodeAgentSkuId = "batch.node.ubuntu 24.04",
                },
                TargetDedicatedNodes = 1,
                StartTask = new BatchStartTask { CommandLine = "/bin/true" },
            });
            await ready.WaitForCompletionAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            string? node = null;
            await foreach (var n in client.GetNodesAsync("quiet")) node = n.Id;

            var result = await new CliEnvironment().RunAsync("logs", "quiet", node!, "--endpoint", executing.Endpoint.ToString(), "--account", "execlogs", "--key", key);
            var json = (await new CliEnvironment().RunAsync("logs", "quiet", node!, "--json", "--endpoint", executing.Endpoint.ToString(), "--account", "execlogs", "--key", key)).Json();

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("startup/stdout.txt: empty\n", result.Stderr);
            Assert.DoesNotContain("simulate", result.Stderr);
            Assert.False(json.TryGetProperty("startTaskSimulated", out _));
        }
        finally
        {
            Directory.Delete(nodes, recursive: true);
        }
    }
}
