using System.Text.Json;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Cli.Tests;

/// <summary><c>chpc status</c>'s why column and <c>chpc status POOL --explain</c>, against the emulator.</summary>
public class StatusWhyCommandTests(EmulatorFixture emulator)
{
    /// <summary>A pool whose start task fails (the fixture fails pools named fail...), once its node says so.</summary>
    private async Task<string> FailingPoolAsync()
    {
        var id = EmulatorFixture.UniqueId("failwhy");
        await emulator.Client.CreatePoolAsync(new BatchPoolCreateOptions
        {
            Id = id,
            VmSize = "standard_d2s_v3",
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
            StartTask = new BatchStartTask { CommandLine = "/bin/bash -c 'exit 0'", WaitForSuccess = true },
            TargetDedicatedNodes = 1,
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!(await emulator.Client.GetNodesAsync(id, timeout.Token).ToListAsync(timeout.Token)).Any(n => n.State == BatchNodeState.StartTaskFailed))
        {
            await Task.Delay(50, timeout.Token);
        }
        return id;
    }

    [Fact]
    public async Task The_why_column_names_the_root_cause_of_a_stalled_pool_and_a_dash_otherwise()
    {
        var failing = await FailingPoolAsync();
        var healthy = await emulator.CreatePoolAsync("healthywhy", nodes: 1);

        var result = await emulator.ChpcAsync("status");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("WHY", lines[0].TrimEnd());
        Assert.Matches($@"^{failing}\s+.*\s+start task failed on 1 node\(s\)$", Assert.Single(lines, l => l.StartsWith(failing + " ", StringComparison.Ordinal)));
        Assert.Matches($@"^{healthy}\s+.*1 idle\s+-$", Assert.Single(lines, l => l.StartsWith(healthy + " ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Json_status_carries_the_cause_and_its_fix()
    {
        var failing = await FailingPoolAsync();

        var result = await emulator.ChpcAsync("status", failing, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var why = result.Json().GetProperty("pools")[0].GetProperty("why");
        Assert.Equal("StartTaskFailed", why.GetProperty("cause").GetString());
        Assert.True(why.GetProperty("stalled").GetBoolean());
        Assert.Contains($"exit code {EmulatorFixture.FailingExitCode}", why.GetProperty("summary").GetString());
        Assert.Contains($"chpc logs {failing} ", why.GetProperty("fix").GetString());
    }

    [Fact]
    public async Task Explain_shows_the_cause_the_fix_and_every_fact_behind_it()
    {
        var failing = await FailingPoolAsync();

        var result = await emulator.ChpcAsync("status", failing, "--explain");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"Stalled: The start task failed on 1 node(s) of pool '{failing}'", lines[0]);
        Assert.StartsWith("Fix: Read the failed node's startup/stderr.txt", lines[1]);
        Assert.Equal("Evidence:", lines[2]);
        Assert.Contains(lines, l => l.StartsWith("  targets: dedicated 1/1, low-priority 0/0; 0 of 1 node(s) usable", StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "  nodes by state: 1 starttaskfailed");
        Assert.Contains(lines, l => l.StartsWith("  node counts (GET /nodecounts): dedicated 1 total (1 starttaskfailed)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  account: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"start task exit code {EmulatorFixture.FailingExitCode}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explain_names_unusable_nodes_with_their_errors_and_the_fix()
    {
        var id = EmulatorFixture.UnusablePoolId;
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
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!(await emulator.Client.GetNodesAsync(id, timeout.Token).ToListAsync(timeout.Token)).Any(n => n.State == BatchNodeState.Unusable))
        {
            await Task.Delay(50, timeout.Token);
        }

        var status = await emulator.ChpcAsync("status", id);
        var explain = await emulator.ChpcAsync("status", id, "--explain");

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Matches($@"^{id}\s+.*\s+1 node\(s\) unusable$", Assert.Single(status.Stdout.Split('\n'), l => l.StartsWith(id + " ", StringComparison.Ordinal)));
        Assert.True(explain.ExitCode == 0, explain.ToString());
        var lines = explain.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches($@"^Stalled: 1 node\(s\) of pool '{id}' are unusable \(tvm-[^)]+\): ApplicationPackageError: An application package of the pool could not be deployed to the node\.$", lines[0]);
        Assert.StartsWith("Fix: Remove the unusable nodes (Batch's remove-nodes", lines[1]);
        Assert.Contains($"'chpc nodes {id}' shows their errors", lines[1]);
        Assert.Contains(lines, l => l == "  nodes by state: 1 unusable");
        Assert.Contains(lines, l => l.StartsWith("  node counts (GET /nodecounts): dedicated 1 total (1 unusable)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explain_of_a_healthy_pool_says_nothing_holds_it_back_and_json_lists_the_evidence()
    {
        var healthy = await emulator.CreatePoolAsync("okwhy", nodes: 1);

        var text = await emulator.ChpcAsync("status", healthy, "--explain");
        var json = await emulator.ChpcAsync("status", healthy, "--explain", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.StartsWith($"Pool '{healthy}' has 1 of 1 node(s) usable: nothing holds it back.\nEvidence:\n", text.Stdout);
        var why = json.Json().GetProperty("why");
        Assert.Equal("None", why.GetProperty("cause").GetString());
        Assert.Equal(JsonValueKind.Null, why.GetProperty("fix").ValueKind);
        Assert.Contains(why.GetProperty("evidence").EnumerateArray(), e => e.GetString() == "nodes by state: 1 idle");
    }

    [Fact]
    public async Task Explain_without_a_pool_is_a_usage_error()
    {
        var result = await emulator.ChpcAsync("status", "--explain");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("--explain needs a POOL", result.Stderr);
    }
}
