using System.Security.Cryptography;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Cli.Tests;

/// <summary><c>chpc prune</c>: what a parameters file's declarations left behind, listed, and deleted only with --yes.</summary>
public class PruneCommandTests(EmulatorFixture emulator)
{
    private const string OwnerKey = "clusterlesshpc-source";

    private static string Declare(TempFiles files, string id, int pools) =>
        files.Write(id + ".json", $$"""{ "_POOL_ID": "{{id}}", "_POOL_COUNT": "{{pools}}", "_POOL_NODE_COUNT": "1" }""");

    /// <summary>Applies two pools from {id}.json, runs a job on the second, then declares only the first.</summary>
    private async Task<string> LeaveOnePoolBehindAsync(TempFiles files, string id)
    {
        var apply = await emulator.ChpcAsync("apply", "--parameters", Declare(files, id, 2));
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var run = await new CliEnvironment().RunAsync(["run", $"{id}_2", "--parameters", files.PathOf(id + ".json"), "--job", $"{id}-job", .. emulator.AccountArgs, "--", "/bin/true"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return Declare(files, id, 1);
    }

    /// <summary>A pool with another owner, or none, on which prune must never act.</summary>
    private async Task<string> ForeignPoolAsync(string prefix, string? owner)
    {
        var id = EmulatorFixture.UniqueId(prefix);
        await emulator.Client.CreatePoolAsync(new BatchPoolCreateOptions
        {
            Id = id,
            VmSize = "standard_d2s_v3",
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
            TargetDedicatedNodes = 0,
            Metadata = owner is null ? null : [new BatchMetadataItem { Name = OwnerKey, Value = owner }],
        });
        return id;
    }

    [Fact]
    public async Task Apply_and_run_record_the_parameters_file_as_owner()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("owner");

        await LeaveOnePoolBehindAsync(files, id);

        var pool = (await emulator.Client.GetPoolAsync($"{id}_2")).Value;
        var job = (await emulator.Client.GetJobAsync($"{id}-job")).Value;
        Assert.Contains(pool.Metadata!, m => m.Name == OwnerKey && m.Value == id + ".json");
        Assert.Contains(job.Metadata!, m => m.Name == OwnerKey && m.Value == id + ".json");
    }

    [Fact]
    public async Task Without_yes_it_lists_the_undeclared_pool_and_its_job_with_nodes_and_age_and_deletes_nothing()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("prunelist");
        var parameters = await LeaveOnePoolBehindAsync(files, id);
        var foreign = await ForeignPoolAsync("foreign", "Other.dll");
        var ownerless = await ForeignPoolAsync("ownerless", null);

        var result = await emulator.ChpcAsync("prune", "--parameters", parameters);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^ACCOUNT\s+KIND\s+ID\s+POOL\s+NODES\s+AGE\s+REASON$", lines[0]);
        Assert.Matches($@"^clitests\s+pool\s+{id}_2\s+-\s+1 dedicated, 0 low-priority\s+\d+\.\d s\s+owned by {id}\.json, no longer declared$", lines[1]);
        Assert.Matches($@"^clitests\s+job\s+{id}-job\s+{id}_2\s+-\s+\d+\.\d s\s+on pool '{id}_2', which is left behind$", lines[2]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("Nothing was deleted: run again with --yes to delete these 1 pool(s) and 1 job(s).", result.Stderr);
        foreach (var pool in new[] { $"{id}_1", $"{id}_2", foreign, ownerless }) Assert.True((await emulator.Client.PoolExistsAsync(pool)).Value, pool);
        Assert.NotNull((await emulator.Client.GetJobAsync($"{id}-job")).Value);
    }

    [Fact]
    public async Task With_yes_it_deletes_them_and_waits_until_they_are_gone_touching_nothing_else()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("pruneyes");
        var parameters = await LeaveOnePoolBehindAsync(files, id);
        var foreign = await ForeignPoolAsync("foreignyes", "Other.dll");
        var ownerless = await ForeignPoolAsync("ownerlessyes", null);

        var result = await emulator.ChpcAsync("prune", "--parameters", parameters, "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Deleted 1 pool(s) and 1 job(s) left behind by {id}.json.", result.Stderr);
        // Gone when prune returns: it waited, so no pool is still deleting.
        Assert.False((await emulator.Client.PoolExistsAsync($"{id}_2")).Value);
        var missing = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => emulator.Client.GetJobAsync($"{id}-job"));
        Assert.Equal(404, missing.Status);
        foreach (var pool in new[] { $"{id}_1", foreign, ownerless }) Assert.True((await emulator.Client.PoolExistsAsync(pool)).Value, pool);

        var again = await emulator.ChpcAsync("prune", "--parameters", parameters);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal($"Nothing left behind by {id}.json in 1 account(s).\n", again.Stdout);
    }

    [Fact]
    public async Task It_looks_in_the_default_account_and_each_configured_account_and_says_so_in_json()
    {
        using var files = new TempFiles();
        var id = EmulatorFixture.UniqueId("prunetwo");
        var parameters = await LeaveOnePoolBehindAsync(files, id);
        var secondKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        await using var second = await BatchEmulator.StartAsync(new BatchEmulatorOptions { AccountName = "second", AccountKey = secondKey });
        var secondClient = second.CreateClient();
        await secondClient.CreatePoolAsync(new BatchPoolCreateOptions
        {
            Id = "elsewhere",
            VmSize = "standard_d2s_v3",
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
            TargetDedicatedNodes = 0,
            Metadata = [new BatchMetadataItem { Name = OwnerKey, Value = id + ".json" }],
        });
        var chpc = new CliEnvironment
        {
            Variables = new Dictionary<string, string>
            {
                ["ClusterlessHpc__Batch__Endpoint"] = emulator.Endpoint,
                ["ClusterlessHpc__Batch__AccountName"] = emulator.AccountName,
                ["ClusterlessHpc__Batch__AccountKey"] = emulator.AccountKey,
                ["ClusterlessHpc__Batch__Accounts__beta__Endpoint"] = second.Endpoint.ToString(),
                ["ClusterlessHpc__Batch__Accounts__beta__AccountName"] = second.AccountName,
                ["ClusterlessHpc__Batch__Accounts__beta__AccountKey"] = secondKey,
            },
            WorkingDirectory = files.Folder,
        };

        var listed = await chpc.RunAsync("prune", "--parameters", parameters, "--json");
        var deleted = await chpc.RunAsync("prune", "--parameters", parameters, "--yes");

        Assert.True(listed.ExitCode == 0, listed.ToString());
        var accounts = listed.Json().GetProperty("accounts").EnumerateArray().ToDictionary(a => a.GetProperty("account").GetString()!);
        Assert.Equal([$"{id}_2"], accounts["clitests"].GetProperty("pools").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(1, accounts["clitests"].GetProperty("pools")[0].GetProperty("currentDedicatedNodes").GetInt32());
        Assert.Equal([$"{id}-job"], accounts["clitests"].GetProperty("jobs").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(["elsewhere"], accounts["second"].GetProperty("pools").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.False(listed.Json().GetProperty("deleted").GetBoolean());
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Contains("Deleted 2 pool(s) and 1 job(s)", deleted.Stderr);
        Assert.False((await secondClient.PoolExistsAsync("elsewhere")).Value);
        Assert.DoesNotContain(secondKey, listed.Stdout + listed.Stderr + deleted.Stdout + deleted.Stderr);
    }

    [Fact]
    public async Task Without_declarations_or_with_a_pool_filter_it_is_a_usage_error_and_a_missing_file_is_invalid_input()
    {
        var none = await emulator.ChpcAsync("prune", "--yes");
        var filtered = await emulator.ChpcAsync("prune", "--parameters", "x.json", "--pool", "x_1");
        var missing = await emulator.ChpcAsync("prune", "--parameters", "/no/such/parameters.json", "--yes");

        Assert.True(none.ExitCode == 3, none.ToString());
        Assert.Contains("Give the pools with --assembly PATH or --parameters parameters.json.", none.Stderr);
        Assert.True(filtered.ExitCode == 3, filtered.ToString());
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("/no/such/parameters.json", missing.Stderr);
    }
}
