using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Cli.Tests;

public class ResizeAndDeleteCommandTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Resize_waits_until_the_new_nodes_are_idle()
    {
        var id = await emulator.CreatePoolAsync("resize", nodes: 1);
        var result = await emulator.ChpcAsync("resize", id, "--dedicated", "3", "--deallocation", "taskcompletion");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"] {id}: resizing to 3 dedicated and 0 low-priority node(s)\n", result.Stdout);
        Assert.Contains($"] {id}: ready: 3 idle node(s)\n", result.Stdout);
        Assert.EndsWith($"Pool '{id}' is ready: 3 idle.\n", result.Stdout);
        BatchPool pool = await emulator.Client.GetPoolAsync(id);
        Assert.Equal(3, pool.CurrentDedicatedNodes);
    }

    [Fact]
    public async Task Resize_json_and_no_wait()
    {
        var id = await emulator.CreatePoolAsync("resizejson", nodes: 2);
        var down = await emulator.ChpcAsync("resize", id, "--dedicated", "1", "--low-priority", "0", "--json");
        Assert.True(down.ExitCode == 0, down.ToString());
        var json = down.Json();
        Assert.Equal("ready", json.GetProperty("outcome").GetString());
        Assert.Equal(1, json.GetProperty("pool").GetProperty("targetDedicatedNodes").GetInt32());
        Assert.Equal(1, json.GetProperty("pool").GetProperty("nodeCounts").GetProperty("idle").GetInt32());

        var accepted = await emulator.ChpcAsync("resize", id, "--dedicated", "2", "--no-wait", "--json");
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Equal("accepted", accepted.Json().GetProperty("outcome").GetString());
        Assert.Equal(2, accepted.Json().GetProperty("pool").GetProperty("targetDedicatedNodes").GetInt32());
    }

    [Fact]
    public async Task A_resize_whose_start_tasks_fail_exits_2()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("failresize");
        Assert.Equal(2, (await emulator.ChpcAsync("apply", "--parameters", EmulatorFixture.Parameters(files, id, nodes: 1))).ExitCode);
        var result = await emulator.ChpcAsync("resize", id + "_1", "--dedicated", "2");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"failed with exit code {EmulatorFixture.FailingExitCode}", result.Stderr);
    }

    [Fact]
    public async Task Resizing_an_autoscale_pool_is_refused_by_the_service_with_exit_2()
    {
        var id = await emulator.CreatePoolAsync("resizeauto", nodes: 1, autoScale: true);
        var result = await emulator.ChpcAsync("resize", id, "--dedicated", "2");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error OperationInvalidForCurrentState:", result.Stderr);
    }

    [Theory]
    [InlineData("resize", "p")]
    [InlineData("resize", "p", "--dedicated", "two")]
    [InlineData("resize", "p", "--dedicated", "-1")]
    [InlineData("resize", "p", "--dedicated", "1", "--deallocation", "retaindata")]
    [InlineData("delete")]
    [InlineData("delete", "p", "--no-wait", "extra")]
    public async Task Bad_command_lines_exit_3(params string[] args) => Assert.Equal(3, (await emulator.ChpcAsync(args)).ExitCode);

    [Fact]
    public async Task Delete_waits_until_the_pool_is_gone()
    {
        var id = await emulator.CreatePoolAsync("delete", nodes: 2);
        var result = await emulator.ChpcAsync("delete", id);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"Deleting pool '{id}'...\nPool '{id}' is deleted.\n", result.Stdout);
        Assert.False((await emulator.Client.PoolExistsAsync(id)).Value);
    }

    [Fact]
    public async Task Delete_no_wait_returns_while_the_pool_is_deleting()
    {
        var id = await emulator.CreatePoolAsync("deletenowait", nodes: 1);
        var result = await emulator.ChpcAsync("delete", id, "--no-wait", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal((id, "deleting"), (result.Json().GetProperty("id").GetString(), result.Json().GetProperty("outcome").GetString()));

        var again = await emulator.ChpcAsync("delete", id);
        Assert.True(again.ExitCode == 2 && (again.Stderr.Contains("PoolBeingDeleted") || again.Stderr.Contains("PoolNotFound")), again.ToString());
    }
}
