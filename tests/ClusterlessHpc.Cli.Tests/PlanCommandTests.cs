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

        var empty = files.Write("empty.json", " \n");
        var nothing = await emulator.ChpcAsync("plan", "--parameters", empty);
        Assert.Equal(1, nothing.ExitCode);
        Assert.Equal($"error: {empty}: the file is empty: it holds no JSON at all\n", nothing.Stderr);
    }
}

/// <summary>A pool whose secret setting has no value: a plan sends no secret, so it plans every pool and reports that one; apply sends nothing.</summary>
public class MissingSettingPlanTests(EmulatorFixture emulator)
{
    private static readonly Lazy<(string Path, string Prefix)> Pools = new(() =>
    {
        var prefix = EmulatorFixture.UniqueId("secretplan");
        var folder = Directory.CreateTempSubdirectory("chpc-cli-secret-plan-").FullName;
        var path = Path.Combine(folder, "SecretPools.dll");
        PoolCompiler.EmitTo(path, $$"""
            using ClusterlessHpc;

            namespace Sample;

            [BatchPool("{{prefix}}-a", NodeCount = 1)]
            public partial class APool;

            [BatchPool("{{prefix}}-registry", NodeCount = 1)]
            [Container("myregistry.azurecr.io/julia:1")]
            [ContainerRegistry("myregistry.azurecr.io", UserName = "puller", PasswordSetting = "Registry:Password")]
            public partial class BRegistryPool;

            [BatchPool("{{prefix}}-z", NodeCount = 1)]
            public partial class CPool;
            """);
        return (path, prefix);
    });

    [Fact]
    public async Task Plan_plans_every_pool_and_reports_the_missing_setting_as_that_pools_problem()
    {
        var (assembly, prefix) = Pools.Value;

        var plan = await emulator.ChpcAsync("plan", "--assembly", assembly);

        Assert.True(plan.ExitCode == 1, plan.ToString());
        Assert.Equal($"{prefix}-a: create\n{prefix}-registry: create\n{prefix}-z: create\n", plan.Stdout);
        Assert.Contains(
            $"error: Pool '{prefix}-registry' needs configuration setting 'Registry:Password' (the password of registry 'myregistry.azurecr.io'), but it has no value. " +
            "Set it (environment variable Registry__Password, or appsettings.json); apply refuses the pool until then.\n",
            plan.Stderr);

        var json = await emulator.ChpcAsync("plan", "--assembly", assembly, "--json");
        Assert.Equal(1, json.ExitCode);
        var pools = json.Json().GetProperty("pools").EnumerateArray().ToList();
        Assert.Equal(3, pools.Count);
        var missing = Assert.Single(pools[1].GetProperty("missingSettings").EnumerateArray());
        Assert.Equal("Registry:Password", missing.GetProperty("key").GetString());
        Assert.Empty(pools[0].GetProperty("missingSettings").EnumerateArray());
    }

    [Fact]
    public async Task With_the_setting_the_plan_is_clean_and_its_value_is_never_shown()
    {
        var (assembly, prefix) = Pools.Value;
        var chpc = new CliEnvironment { Variables = new Dictionary<string, string> { ["Registry__Password"] = "registry-password-value" } };

        var plan = await chpc.RunAsync(["plan", "--assembly", assembly, "--pool", prefix + "-registry", .. emulator.AccountArgs]);

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal($"{prefix}-registry: create\n", plan.Stdout);
        Assert.DoesNotContain("registry-password-value", plan.Stdout + plan.Stderr);
    }

    [Fact]
    public async Task Apply_refuses_before_sending_anything_naming_the_missing_setting()
    {
        var (assembly, prefix) = Pools.Value;

        var apply = await emulator.ChpcAsync("apply", "--assembly", assembly);

        Assert.True(apply.ExitCode == 1, apply.ToString());
        Assert.Contains($"error: Pool '{prefix}-registry' needs configuration setting 'Registry:Password'", apply.Stderr);
        Assert.Contains("Nothing was sent.", apply.Stderr);
        Assert.DoesNotContain("Batch account:", apply.Stderr);
        Assert.False((await emulator.Client.PoolExistsAsync(prefix + "-a")).Value);
        Assert.False((await emulator.Client.PoolExistsAsync(prefix + "-z")).Value);
    }
}
