namespace ClusterlessHpc.Cli.Tests;

public class PlanCommandTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Plan_says_create_then_no_change_then_each_drifted_property()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("plan");
        var parameters = EmulatorFixture.Parameters(files, id, nodes: 1);

        var before = await emulator.ChpcAsync("plan", "--parameters", parameters);
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Equal($"{id}_1: create\n", before.Stdout);

        Assert.Equal(0, (await emulator.ChpcAsync("apply", "--parameters", parameters)).ExitCode);
        Assert.Equal($"{id}_1: no change\n", (await emulator.ChpcAsync("plan", "--parameters", parameters)).Stdout);

        await emulator.Client.UpdatePoolAsync(id + "_1", new ClusterlessHpc.Batch.Models.BatchPoolUpdateOptions
        {
            Metadata = [new() { Name = "owner", Value = "someone" }],
        });
        var drift = await emulator.ChpcAsync("plan", "--parameters", parameters);
        Assert.True(drift.ExitCode == 0, drift.ToString());
        Assert.Equal(
            $"{id}_1: differs (Batch can update it in place)\n" +
            "  startTask: expected 'definition ",
            drift.Stdout[..(drift.Stdout.IndexOf("definition ", StringComparison.Ordinal) + "definition ".Length)]);
        Assert.Contains("  metadata: expected (none), actual 'owner=someone' (in place)\n", drift.Stdout);

        var json = (await emulator.ChpcAsync("plan", "--parameters", parameters, "--json")).Json();
        var plan = Assert.Single(json.GetProperty("pools").EnumerateArray());
        Assert.Equal("drift", plan.GetProperty("action").GetString());
        Assert.True(plan.GetProperty("canUpdateInPlace").GetBoolean());
        Assert.Contains(plan.GetProperty("differences").EnumerateArray(), d =>
            d.GetProperty("property").GetString() == "metadata" && d.GetProperty("actual").GetString() == "'owner=someone'" && d.GetProperty("updatableInPlace").GetBoolean());
    }

    [Fact]
    public async Task Plan_of_an_invalid_definition_exits_1()
    {
        using var files = new TempFiles();
        var result = await emulator.ChpcAsync("plan", "--parameters", EmulatorFixture.Parameters(files, EmulatorFixture.UniqueId("badplan"), vmSize: "E8s_v3"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CHPC0005", result.Stderr);
    }

    [Fact]
    public async Task A_parameters_file_that_cannot_be_read_is_invalid_input()
    {
        using var files = new TempFiles();
        var broken = files.Write("parameters.json", "{ \"_POOL_COUNT\": \"zero\" }");
        var result = await emulator.ChpcAsync("plan", "--parameters", broken);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("_POOL_COUNT", result.Stderr);

        var missing = await emulator.ChpcAsync("plan", "--parameters", files.PathOf("absent.json"));
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("error: ", missing.Stderr);
    }
}
