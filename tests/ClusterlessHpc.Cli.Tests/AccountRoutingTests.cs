using System.Security.Cryptography;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// apply and plan send each pool to the account it names, as an application's host does: its
/// ClusterlessHpc:Batch:Accounts:&lt;name&gt; section (from configuration, or implied by a credentials.json), the emulator
/// when the emulator is the default, or an error before anything is sent; --endpoint sends every pool to one account.
/// </summary>
public class AccountRoutingTests(EmulatorFixture emulator)
{
    private const string TwoAccounts = """
        [
          { "_BATCH_ACCOUNT_URL": "https://alphabatch.westeurope.batch.azure.com", "_AD_TENANT": "t", "_AD_BATCH_CLIENT_ID": "c", "_AD_SECRET_BATCH": "s3cret-value" },
          { "_BATCH_ACCOUNT_URL": "https://betabatch.westeurope.batch.azure.com", "_AD_TENANT": "t", "_AD_BATCH_CLIENT_ID": "c", "_AD_SECRET_BATCH": "s3cret-value" }
        ]
        """;

    private static string TwoPools(TempFiles files, string id) =>
        files.Write(id + ".json", $$"""{ "_POOL_ID": "{{id}}", "_POOL_COUNT": "2", "_POOL_NODE_COUNT": "1" }""");

    private static Dictionary<string, string> Section(string account, BatchEmulator target, string key) => new()
    {
        [$"ClusterlessHpc__Batch__Accounts__{account}__Endpoint"] = target.Endpoint.ToString(),
        [$"ClusterlessHpc__Batch__Accounts__{account}__AccountName"] = target.AccountName,
        [$"ClusterlessHpc__Batch__Accounts__{account}__AccountKey"] = key,
    };

    [Fact]
    public async Task Each_pool_is_applied_in_the_account_it_names()
    {
        using var files = new TempFiles();
        var secondKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        await using var second = await BatchEmulator.StartAsync(new BatchEmulatorOptions { AccountName = "second", AccountKey = secondKey });
        var id = EmulatorFixture.UniqueId("routed");
        var variables = Section("alphabatch", emulator.Emulator, emulator.AccountKey)
            .Concat(Section("betabatch", second, secondKey)).ToDictionary();
        var chpc = new CliEnvironment { Variables = variables, WorkingDirectory = files.Folder };

        var apply = await chpc.RunAsync("apply", "--parameters", TwoPools(files, id), "--credentials", files.Write("credentials.json", TwoAccounts));

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains($"Batch account: clitests at {emulator.Endpoint} (shared key, from ClusterlessHpc:Batch:Accounts:alphabatch) (pools {id}_1)", apply.Stderr);
        Assert.Contains($"Batch account: second at {second.Endpoint} (shared key, from ClusterlessHpc:Batch:Accounts:betabatch) (pools {id}_2)", apply.Stderr);
        Assert.True((await emulator.Client.PoolExistsAsync($"{id}_1")).Value);
        Assert.False((await emulator.Client.PoolExistsAsync($"{id}_2")).Value);
        var secondClient = second.CreateClient();
        Assert.True((await secondClient.PoolExistsAsync($"{id}_2")).Value);
        Assert.False((await secondClient.PoolExistsAsync($"{id}_1")).Value);
        Assert.DoesNotContain(secondKey, apply.Stdout + apply.Stderr);
        Assert.DoesNotContain("s3cret-value", apply.Stdout + apply.Stderr);

        var plan = await chpc.RunAsync("plan", "--parameters", TwoPools(files, id), "--credentials", files.Write("credentials.json", TwoAccounts));
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal($"{id}_1: no change\n{id}_2: no change\n", plan.Stdout);
    }

    [Fact]
    public async Task A_pool_naming_an_account_that_is_not_configured_stops_the_command_before_anything_is_sent()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("unrouted");
        var assembly = GammaPools(files, id);
        var chpc = new CliEnvironment
        {
            Variables = new Dictionary<string, string>
            {
                ["ClusterlessHpc__Batch__Endpoint"] = emulator.Endpoint,
                ["ClusterlessHpc__Batch__AccountName"] = emulator.AccountName,
                ["ClusterlessHpc__Batch__AccountKey"] = emulator.AccountKey,
            },
            WorkingDirectory = files.Folder,
        };

        var apply = await chpc.RunAsync("apply", "--assembly", assembly);

        Assert.True(apply.ExitCode == 1, apply.ToString());
        Assert.Contains($"Pool '{id}-gamma' names Batch account 'gamma', which is not configured: set ClusterlessHpc:Batch:Accounts:gamma:Endpoint " +
                        "(environment variable ClusterlessHpc__Batch__Accounts__gamma__Endpoint), or pass --endpoint", apply.Stderr);
        // Neither pool was sent, not even the one of the default account.
        Assert.False((await emulator.Client.PoolExistsAsync($"{id}-default")).Value);
        Assert.False((await emulator.Client.PoolExistsAsync($"{id}-gamma")).Value);
    }

    [Fact]
    public async Task With_the_emulator_as_default_it_stands_in_for_an_account_that_is_not_configured()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("standin");
        var chpc = new CliEnvironment
        {
            Variables = new Dictionary<string, string>
            {
                ["HOME"] = files.Folder,
                ["CHPC_EMULATOR_PORT"] = AccountTests.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            WorkingDirectory = files.Folder,
        };

        var plan = await chpc.RunAsync("plan", "--assembly", GammaPools(files, id));

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal($"{id}-default: create\n{id}-gamma: create\n", plan.Stdout);
        Assert.Contains($"note: pool '{id}-gamma' names Batch account 'gamma', which is not configured; the emulator stands in for it.", plan.Stderr);
        Assert.Single(plan.Stderr.Split('\n'), line => line.StartsWith("Batch account: devbatch on an emulator in this process", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_endpoint_on_the_command_line_serves_every_pool_with_a_note_for_those_that_name_an_account()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("oneaccount");

        var plan = await emulator.ChpcAsync("plan", "--parameters", TwoPools(files, id), "--credentials", files.Write("credentials.json", TwoAccounts));

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal($"{id}_1: create\n{id}_2: create\n", plan.Stdout);
        Assert.Contains($"Batch account: clitests at {emulator.Endpoint} (shared key, from --endpoint)\n", plan.Stderr);
        Assert.Contains($"note: pool '{id}_1' names Batch account 'alphabatch'; --endpoint chooses one account for every pool.", plan.Stderr);
        Assert.Contains($"note: pool '{id}_2' names Batch account 'betabatch'; --endpoint chooses one account for every pool.", plan.Stderr);
        Assert.DoesNotContain("s3cret-value", plan.Stdout + plan.Stderr);
    }

    [Theory]
    [InlineData("AccountName", "gamma", "which is not configured: set ClusterlessHpc:Batch:Accounts:gamma:Endpoint")]
    [InlineData("Endpoint", "gamma.westeurope.batch.azure.com", "ClusterlessHpc:Batch:Accounts:gamma:Endpoint is not an http(s) URL")]
    public async Task A_named_account_without_a_usable_endpoint_is_refused_when_the_default_is_real(string setting, string value, string message)
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("badsection");
        var chpc = new CliEnvironment
        {
            Variables = new Dictionary<string, string>
            {
                ["ClusterlessHpc__Batch__Endpoint"] = emulator.Endpoint,
                ["ClusterlessHpc__Batch__AccountName"] = emulator.AccountName,
                ["ClusterlessHpc__Batch__AccountKey"] = emulator.AccountKey,
                [$"ClusterlessHpc__Batch__Accounts__gamma__{setting}"] = value,
            },
            WorkingDirectory = files.Folder,
        };

        var apply = await chpc.RunAsync("apply", "--assembly", GammaPools(files, id));

        Assert.True(apply.ExitCode == 1, apply.ToString());
        Assert.Contains(message, apply.Stderr);
        Assert.False((await emulator.Client.PoolExistsAsync($"{id}-default")).Value);
        Assert.False((await emulator.Client.PoolExistsAsync($"{id}-gamma")).Value);
    }

    [Fact]
    public async Task One_account_named_in_two_spellings_is_one_connection()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("spellings");
        var path = Path.Combine(files.Folder, "Spellings.dll");
        PoolCompiler.EmitTo(path, $$"""
            using ClusterlessHpc;

            namespace Spelled;

            [BatchPool("{{id}}-upper", NodeCount = 1, Account = "Gamma")]
            public partial class UpperPool;

            [BatchPool("{{id}}-lower", NodeCount = 1, Account = "gamma")]
            public partial class LowerPool;
            """);
        var chpc = new CliEnvironment { Variables = Section("gamma", emulator.Emulator, emulator.AccountKey), WorkingDirectory = files.Folder };

        var plan = await chpc.RunAsync("plan", "--assembly", path);

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal($"{id}-lower: create\n{id}-upper: create\n", plan.Stdout);
        var accountLine = Assert.Single(plan.Stderr.Split('\n'), line => line.StartsWith("Batch account:", StringComparison.Ordinal));
        Assert.Equal($"Batch account: clitests at {emulator.Endpoint} (shared key, from ClusterlessHpc:Batch:Accounts:gamma)", accountLine);
    }

    /// <summary>An assembly with a pool of the default account and one of account 'gamma'.</summary>
    private static string GammaPools(TempFiles files, string id)
    {
        var path = Path.Combine(files.Folder, "GammaPools.dll");
        PoolCompiler.EmitTo(path, $$"""
            using ClusterlessHpc;

            namespace Routed;

            [BatchPool("{{id}}-default", NodeCount = 1)]
            public partial class DefaultPool;

            [BatchPool("{{id}}-gamma", NodeCount = 1, Account = "gamma")]
            public partial class GammaPool;
            """);
        return path;
    }
}
