using System.Text.Json;

namespace ClusterlessHpc.Cli.Tests;

public class StatusAndNodesCommandTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Status_of_a_pool_is_a_table_row_with_its_node_counts_by_state()
    {
        var id = await emulator.CreatePoolAsync("status", nodes: 2);
        var result = await emulator.ChpcAsync("status", id);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("POOL ", lines[0]);
        Assert.Matches($@"^{id}\s+active\s+steady\s+standard_d2s_v3\s+2/2\s+0/0\s+fixed\s+2 idle\s+-$", lines[1]);
    }

    [Fact]
    public async Task Status_without_a_pool_lists_every_pool_and_json_has_batchs_property_names()
    {
        var fixedPool = await emulator.CreatePoolAsync("statusall", nodes: 1);
        var autoPool = await emulator.CreatePoolAsync("statusauto", nodes: 1, autoScale: true);
        var result = await emulator.ChpcAsync("status", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var pools = result.Json().GetProperty("pools").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        var fixedJson = pools[fixedPool];
        Assert.Equal("steady", fixedJson.GetProperty("allocationState").GetString());
        Assert.Equal(1, fixedJson.GetProperty("targetDedicatedNodes").GetInt32());
        Assert.False(fixedJson.GetProperty("enableAutoScale").GetBoolean());
        Assert.Equal(1, fixedJson.GetProperty("nodeCounts").GetProperty("idle").GetInt32());
        Assert.Equal(JsonValueKind.Array, fixedJson.GetProperty("resizeErrors").ValueKind);
        var autoJson = pools[autoPool];
        Assert.True(autoJson.GetProperty("enableAutoScale").GetBoolean());
        Assert.Equal(5, autoJson.GetProperty("autoScaleEvaluationIntervalMinutes").GetDouble());
        Assert.Contains("$TargetDedicatedNodes=1", autoJson.GetProperty("autoScaleRun").GetProperty("results").GetString());
    }

    [Fact]
    public async Task An_unknown_pool_exits_2_with_the_services_error_code_naming_the_pool()
    {
        foreach (var command in new[] { "status", "nodes", "delete" })
        {
            var result = await emulator.ChpcAsync(command, "no-such-pool");
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("error PoolNotFound: the account has no pool 'no-such-pool' ('chpc status' lists its pools).\n", result.Stderr);
            Assert.DoesNotContain("RequestId", result.Stderr);
        }
    }

    [Fact]
    public async Task An_unknown_node_is_named_with_its_pool()
    {
        var id = await emulator.CreatePoolAsync("nonode", nodes: 1);
        var result = await emulator.ChpcAsync("logs", id, "tvm-no-such-node");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error NodeNotFound: pool '{id}' has no node 'tvm-no-such-node' ('chpc nodes {id}' lists its nodes).\n", result.Stderr);
    }

    [Fact]
    public async Task Nodes_lists_state_and_start_task_exit_code()
    {
        var id = await emulator.CreatePoolAsync("nodes", nodes: 2);
        var result = await emulator.ChpcAsync("nodes", id);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^NODE\s+STATE\s+DEDICATED\s+START TASK\s+EXIT CODE\s+FAILED STEP\s+FAILURE$", lines[0]);
        Assert.All(lines[1..], line => Assert.Matches(@"^tvm-\S+\s+idle\s+yes\s+completed\s+0$", line));

        var json = (await emulator.ChpcAsync("nodes", id, "--json")).Json();
        Assert.Equal(id, json.GetProperty("poolId").GetString());
        Assert.All(json.GetProperty("nodes").EnumerateArray(), node =>
        {
            // Batch's names, as the service returns a node.
            Assert.StartsWith("tvm-", node.GetProperty("id").GetString());
            Assert.Equal("idle", node.GetProperty("state").GetString());
            Assert.True(node.GetProperty("isDedicated").GetBoolean());
            var startTask = node.GetProperty("startTaskInfo");
            Assert.Equal("completed", startTask.GetProperty("state").GetString());
            Assert.Equal(0, startTask.GetProperty("exitCode").GetInt32());
            Assert.False(startTask.TryGetProperty("failureInfo", out _));
            // The pool's start task is not repeated on every node (its resource files may carry a SAS).
            Assert.False(node.TryGetProperty("startTask", out _));
        });
    }

    [Fact]
    public async Task Nodes_of_a_pool_whose_start_task_failed_show_the_exit_code_and_failure()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("failnodes");
        Assert.Equal(2, (await emulator.ChpcAsync("apply", "--parameters", EmulatorFixture.Parameters(files, id, nodes: 1))).ExitCode);
        var json = (await emulator.ChpcAsync("nodes", id + "_1", "--json")).Json();
        var node = Assert.Single(json.GetProperty("nodes").EnumerateArray());
        Assert.Equal("starttaskfailed", node.GetProperty("state").GetString());
        Assert.Equal(EmulatorFixture.FailingExitCode, node.GetProperty("startTaskInfo").GetProperty("exitCode").GetInt32());
        Assert.Equal("FailureExitCode", node.GetProperty("startTaskInfo").GetProperty("failureInfo").GetProperty("code").GetString());
    }
}
