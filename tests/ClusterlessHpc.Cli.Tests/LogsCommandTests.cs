using ClusterlessHpc.Batch.Models;

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
}
