using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Cli.Tests;

public class ApplyCommandTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Apply_creates_the_pool_and_waits_until_every_node_is_idle_with_plain_lines_when_redirected()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("apply");
        var result = await emulator.ChpcAsync("apply", "--parameters", EmulatorFixture.Parameters(files, id, nodes: 2));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($" s] {id}_1: created the pool (Standard_E2s_v3, 2 dedicated node(s))\n", result.Stdout);
        Assert.Contains($"] {id}_1: ready: 2 idle node(s)\n", result.Stdout);
        Assert.EndsWith($"{id}_1: ready: 2 idle\n", result.Stdout);
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.DoesNotContain("╭", result.Stdout);
        Assert.Contains($"Batch account: {emulator.AccountName} at {emulator.Endpoint} (shared key, from --endpoint)", result.Stderr);
        // The legacy default image is retired; the import says which image it used instead.
        Assert.Contains("warning", result.Stderr);

        BatchPool pool = await emulator.Client.GetPoolAsync(id + "_1");
        Assert.Equal((AllocationState.Steady, 2), (pool.AllocationState!.Value, pool.CurrentDedicatedNodes!.Value));
    }

    [Fact]
    public async Task Json_is_one_document_with_each_pools_outcome_and_node_counts()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("applyjson");
        var result = await emulator.ChpcAsync("apply", "--parameters", EmulatorFixture.Parameters(files, id, nodes: 1), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var pool = Assert.Single(result.Json().GetProperty("pools").EnumerateArray());
        Assert.Equal(id + "_1", pool.GetProperty("id").GetString());
        Assert.Equal("ready", pool.GetProperty("outcome").GetString());
        Assert.Equal(1, pool.GetProperty("nodeCounts").GetProperty("idle").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, pool.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task A_failed_start_task_exits_2_naming_the_node_and_its_exit_code()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("fail");
        var result = await emulator.ChpcAsync("apply", "--parameters", EmulatorFixture.Parameters(files, id, nodes: 1), "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        var pool = Assert.Single(result.Json().GetProperty("pools").EnumerateArray());
        Assert.Equal("failed", pool.GetProperty("outcome").GetString());
        var error = pool.GetProperty("error");
        Assert.Equal("StartTaskFailed", error.GetProperty("code").GetString());
        Assert.Equal(EmulatorFixture.FailingExitCode, error.GetProperty("exitCode").GetInt32());
        Assert.StartsWith("tvm-", error.GetProperty("nodeId").GetString());
        Assert.Contains($"failed with exit code {EmulatorFixture.FailingExitCode}", error.GetProperty("message").GetString());

        var plain = await emulator.ChpcAsync("apply", "--parameters", EmulatorFixture.Parameters(files, id, nodes: 1));
        Assert.Equal(2, plain.ExitCode);
        Assert.Contains($"error: {id}_1: The start task of node 'tvm-", plain.Stderr);
    }

    [Fact]
    public async Task An_invalid_definition_prints_its_diagnostics_exits_1_and_sends_nothing()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("invalid");
        var result = await emulator.ChpcAsync("apply", "--parameters", EmulatorFixture.Parameters(files, id, vmSize: "E8s_v3"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(": error CHPC0005: ", result.Stderr);
        Assert.Contains("[_POOL_VM_SIZE]", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.False((await emulator.Client.PoolExistsAsync(id + "_1")).Value);
    }

    [Fact]
    public async Task Applying_again_is_done_at_once_and_a_drifted_pool_exits_2_with_the_drift_report()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("drift");
        var parameters = EmulatorFixture.Parameters(files, id, nodes: 1);
        Assert.Equal(0, (await emulator.ChpcAsync("apply", "--parameters", parameters)).ExitCode);

        var again = await emulator.ChpcAsync("apply", "--parameters", parameters);
        Assert.True(again.ExitCode == 0, again.ToString());
        // It says what it found, and never that it is creating a pool it did not create.
        Assert.Contains($"{id}_1: found the pool, made from this definition (steady, 1 of 1 dedicated node(s))\n", again.Stdout);
        Assert.DoesNotContain("creat", again.Stdout);

        var resize = await emulator.ChpcAsync("resize", id + "_1", "--dedicated", "2");
        Assert.True(resize.ExitCode == 0, resize.ToString());
        var drifted = await emulator.ChpcAsync("apply", "--parameters", parameters, "--json");
        Assert.True(drifted.ExitCode == 2, drifted.ToString());
        var pool = Assert.Single(drifted.Json().GetProperty("pools").EnumerateArray());
        Assert.Equal("drift", pool.GetProperty("outcome").GetString());
        var difference = Assert.Single(pool.GetProperty("plan").GetProperty("differences").EnumerateArray());
        Assert.Equal(("targetDedicatedNodes", "'1'", "'2'"),
            (difference.GetProperty("property").GetString(), difference.GetProperty("expected").GetString(), difference.GetProperty("actual").GetString()));

        var report = await emulator.ChpcAsync("apply", "--parameters", parameters);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains($"error: {id}_1: already exists but differs from its definition:\n  targetDedicatedNodes: expected '1', found '2'\n" +
                        "Apply with --drift update to change it in place, or with --drift recreate to replace it.\n", report.Stderr);
        Assert.DoesNotContain("drift policy", report.Stderr);
    }

    [Fact]
    public async Task The_drift_policy_updates_in_place_or_recreates()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("policy");
        var parameters = EmulatorFixture.Parameters(files, id, nodes: 1);
        Assert.Equal(0, (await emulator.ChpcAsync("apply", "--parameters", parameters)).ExitCode);
        Assert.Equal(0, (await emulator.ChpcAsync("resize", id + "_1", "--dedicated", "2")).ExitCode);

        var update = await emulator.ChpcAsync("apply", "--parameters", parameters, "--drift", "update");
        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains($"{id}_1: found the pool from another definition (steady, 2 of 2 dedicated node(s)); updating in place: " +
                        "targetDedicatedNodes: expected '1', found '2'", update.Stdout);
        BatchPool updated = await emulator.Client.GetPoolAsync(id + "_1");
        Assert.Equal(1, updated.CurrentDedicatedNodes);

        Assert.Equal(0, (await emulator.ChpcAsync("resize", id + "_1", "--dedicated", "2")).ExitCode);
        var recreate = await emulator.ChpcAsync("apply", "--parameters", parameters, "--drift", "recreate", "--json");
        Assert.True(recreate.ExitCode == 0, recreate.ToString());
        BatchPool recreated = await emulator.Client.GetPoolAsync(id + "_1");
        Assert.True(recreated.CreationTime > updated.CreationTime);
        Assert.Equal(1, recreated.CurrentDedicatedNodes);

        Assert.Equal(3, (await emulator.ChpcAsync("apply", "--parameters", parameters, "--drift", "ignore")).ExitCode);
    }

    [Fact]
    public async Task Waiting_longer_than_the_timeout_exits_2()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("slow");
        var result = await emulator.ChpcAsync("apply", "--parameters", EmulatorFixture.Parameters(files, id, nodes: 1), "--timeout", "0.05s", "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        var pool = Assert.Single(result.Json().GetProperty("pools").EnumerateArray());
        Assert.Equal("Timeout", pool.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_pool_the_source_does_not_have_is_invalid_input()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("nopool");
        var result = await emulator.ChpcAsync("apply", "--parameters", EmulatorFixture.Parameters(files, id), "--pool", "other");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"has no pool 'other'; its pools: {id}_1.", result.Stderr);
    }

    [Fact]
    public async Task A_terminal_gets_a_live_table_of_node_counts_by_state()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("live");
        var result = await new CliEnvironment { IsTerminal = true }
            .RunAsync(["apply", "--parameters", EmulatorFixture.Parameters(files, id, nodes: 2), .. emulator.AccountArgs]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Nodes by state", result.Stdout);
        Assert.Contains("╭", result.Stdout);
        Assert.Contains("2 idle", result.Stdout);
        Assert.DoesNotContain($"] {id}_1: ", result.Stdout);
    }

    [Theory]
    [InlineData("apply")]
    [InlineData("apply", "--assembly", "a.dll", "--parameters", "p.json")]
    [InlineData("apply", "--assembly", "a.dll", "--credentials", "c.json")]
    [InlineData("apply", "--parameters", "p.json", "--timeout", "soon")]
    [InlineData("plan")]
    public async Task Command_lines_that_do_not_parse_exit_3_pointing_at_the_commands_own_help(params string[] args)
    {
        var result = await emulator.ChpcAsync(args);
        Assert.Equal(3, result.ExitCode);
        Assert.EndsWith($"Run 'chpc {args[0]} --help' for usage.\n", result.Stderr);
    }
}
