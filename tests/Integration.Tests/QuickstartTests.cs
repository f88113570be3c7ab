using ClusterlessHpc.Batch;
using ClusterlessHpc.Emulator;

namespace ClusterlessHpc.Integration.Tests;

/// <summary>The README's main command, run as a newcomer would: its own process, output redirected, no stdin. It provisions through the hosting path.</summary>
public class QuickstartTests
{
    private static readonly string QuickstartDll = Path.Combine(
        RepositoryRoot.Path, "samples", "Quickstart", "bin",
        BuildConfiguration.Name,
        "net10.0", "Quickstart.dll");

    [Fact]
    public void With_no_configuration_it_provisions_both_sample_pools_on_the_embedded_emulator()
    {
        var run = ProcessRunner.Run("dotnet", [QuickstartDll], timeout: TimeSpan.FromMinutes(2), environment: NoBatchSettings());

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("the pools are on the embedded Batch emulator at http://127.0.0.1:", run.Stdout);
        Assert.Contains("redwood    created the pool (Standard_E8s_v3, 2 dedicated node(s))", run.Stdout);
        Assert.Contains("redwood    ready: 2 idle node(s)", run.Stdout);
        Assert.Contains("sequoia    ready: 3 idle node(s)", run.Stdout);
        Assert.Contains("cypress    created the pool (Standard_E4s_v3, autoscale, evaluated every 5 min)", run.Stdout);
        Assert.Contains("cypress-lookback created the pool (Standard_E4s_v3, autoscale, evaluated every 5 min)", run.Stdout);
        Assert.Contains("4 pool(s) ready", run.Stdout);
    }

    [Fact]
    public void On_the_accelerated_emulator_tasks_grow_the_corrected_autoscale_pool_and_leave_the_seeds_at_one_node()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = ProcessRunner.Run("dotnet", [QuickstartDll], timeout: TimeSpan.FromMinutes(2), environment: NoBatchSettings());
        var elapsed = clock.Elapsed;
        var output = run.Stdout;

        Assert.True(run.ExitCode == 0, output + run.Stderr);
        var lookback = System.Text.RegularExpressions.Regex.Match(output,
            @"cypress-lookback +went from 1 to (\d+) node\(s\), ran 40 of 40 tasks, came back to 0 node\(s\) \(target 0\)");
        Assert.True(lookback.Success, output);
        Assert.InRange(int.Parse(lookback.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 5, 10);
        Assert.Matches(@"cypress +stayed at 1 node\(s\) over \d+ evaluation\(s\) with \d+ of 40 tasks still pending", output);
        // The seed's pool is evaluated with an empty window; the corrected one sees its samples.
        Assert.Matches(@"cypress +nodes  1 \(target  1\)  pending +\d+  evaluation \d+: pendingTaskSamplePercent=0\b", output);
        Assert.Matches(@"cypress-lookback +nodes +\d+ \(target +\d+\)  pending +\d+  evaluation \d+: pendingTaskSamplePercent=100\b", output);
        Assert.Contains("Why: Batch gives formulas task samples about a minute after they are taken", output);
        // The node count and pending tasks are printed as they change: the corrected pool's lines show it rise, then fall to none.
        var counts = System.Text.RegularExpressions.Regex.Matches(output, @"cypress-lookback +nodes +(\d+) ").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var peak = counts.IndexOf(counts.Max());
        Assert.True(counts.Max() > 1 && counts[..peak].Contains(1) && counts[peak..].Contains(0), string.Join(",", counts));
        Assert.True(elapsed < TimeSpan.FromMinutes(1), $"the quickstart took {elapsed}");
    }

    [Fact]
    public void It_says_once_at_start_that_start_tasks_are_simulated_and_logs_no_requests()
    {
        var run = ProcessRunner.Run("dotnet", [QuickstartDll], timeout: TimeSpan.FromMinutes(2), environment: NoBatchSettings());
        var output = run.Stdout + run.Stderr;
        var notice = output.IndexOf(EmulatorNotices.SimulatedStartTasks, StringComparison.Ordinal);

        Assert.True(run.ExitCode == 0, output);
        Assert.Equal(notice, output.LastIndexOf(EmulatorNotices.SimulatedStartTasks, StringComparison.Ordinal));
        Assert.InRange(notice, 0, output.IndexOf("created the pool", StringComparison.Ordinal));
        Assert.DoesNotContain("Request ", output);
        // The progress of four pools, the autoscale lines (a line per change of nodes or pending tasks) and the summaries;
        // a line per request would be thousands.
        Assert.InRange(output.Split('\n').Length, 15, 400);
    }

    [Fact]
    public async Task With_an_endpoint_configured_it_provisions_there_through_the_same_code()
    {
        await using var target = await BatchEmulator.StartAsync();
        var environment = NoBatchSettings();
        environment["ClusterlessHpc__Batch__Endpoint"] = target.Endpoint.ToString();
        environment["ClusterlessHpc__Batch__AccountName"] = target.Credential.Name;
        environment["ClusterlessHpc__Batch__AccountKey"] = BatchEmulatorOptions.DevelopmentAccountKey;

        var run = ProcessRunner.Run("dotnet", [QuickstartDll], timeout: TimeSpan.FromMinutes(2), environment: environment);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains($"The pools are on Azure Batch at {target.Endpoint}", run.Stdout);
        Assert.DoesNotContain(BatchEmulatorOptions.DevelopmentAccountKey, run.Stdout + run.Stderr);
        var client = new BatchClient(target.Endpoint, target.Credential);
        Assert.Equal("redwood", (await client.GetPoolAsync("redwood")).Value.Id);
        Assert.Equal(3, (await client.GetPoolAsync("sequoia")).Value.TargetDedicatedNodes);
    }

    [Fact]
    public async Task A_wrong_key_fails_with_the_services_error_and_exit_code_2()
    {
        await using var target = await BatchEmulator.StartAsync();
        var environment = NoBatchSettings();
        environment["ClusterlessHpc__Batch__Endpoint"] = target.Endpoint.ToString();
        environment["ClusterlessHpc__Batch__AccountName"] = target.Credential.Name;
        var wrongKey = Convert.ToBase64String(new byte[64]);
        environment["ClusterlessHpc__Batch__AccountKey"] = wrongKey;

        var run = ProcessRunner.Run("dotnet", [QuickstartDll], timeout: TimeSpan.FromMinutes(2), environment: environment);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("AuthenticationFailed", run.Stderr);
        Assert.DoesNotContain(wrongKey, run.Stdout + run.Stderr);
    }

    // The test runner's own environment must not point the quickstart elsewhere.
    private static Dictionary<string, string> NoBatchSettings() => new()
    {
        ["ClusterlessHpc__Batch__Endpoint"] = "",
        ["ClusterlessHpc__Batch__AccountName"] = "",
        ["ClusterlessHpc__Batch__AccountKey"] = "",
    };
}
