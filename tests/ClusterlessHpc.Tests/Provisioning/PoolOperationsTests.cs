using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>Drift policies, operations on existing pools, failure paths and the pre-flight, through the real client and emulator.</summary>
public sealed class PoolOperationsTests : IClassFixture<PoolProvisionerTests.EmulatorFixture>
{
    private static readonly PoolProvisionerOptions Fast = new() { FirstPollDelay = TimeSpan.FromMilliseconds(30), MaxPollDelay = TimeSpan.FromMilliseconds(150) };
    private readonly BatchClient _client;

    private readonly PoolProvisionerTests.EmulatorFixture _fixture;

    public PoolOperationsTests(PoolProvisionerTests.EmulatorFixture fixture)
    {
        _fixture = fixture;
        _client = fixture.Client;
    }

    private PoolProvisioner Provisioner(DriftPolicy policy = DriftPolicy.Fail, ExistingNodes existing = ExistingNodes.Leave) => new(_client, new PoolProvisionerOptions
    {
        FirstPollDelay = Fast.FirstPollDelay,
        MaxPollDelay = Fast.MaxPollDelay,
        DriftPolicy = policy,
        ExistingNodesOnStartTaskChange = existing,
    });

    [Fact]
    public async Task Update_in_place_resizes_and_patches_the_start_task_and_metadata()
    {
        var original = new PoolDefinition { Id = "update-in-place", NodeCount = 1 };
        await Provisioner().ApplyAsync(original);
        var changed = original with { NodeCount = 3, Metadata = [new NameValueDefinition("team", "seismic")], StartupSteps = [new StartupStepDefinition("true")] };
        var reports = new List<ProvisioningProgress>();

        var pool = await Provisioner(DriftPolicy.UpdateInPlace).ApplyAsync(changed, new Collect(reports));

        Assert.Equal(3, pool.CurrentDedicatedNodes);
        var live = (await _client.GetPoolAsync("update-in-place")).Value;
        Assert.Contains(live.Metadata!, m => m.Name == "team" && m.Value == "seismic");
        Assert.Equal(ClusterlessHpc.Scripts.StartupScriptRenderer.Render(changed), InlineScriptDelivery.TryDecode(live.StartTask));
        Assert.Contains(reports, r => r.Message.Contains("reaches existing nodes only when they are rebooted or reimaged"));
        Assert.Equal(PoolPlanAction.NoChange, (await Provisioner().PlanAsync(changed)).Action);
    }

    [Fact]
    public async Task The_start_tasks_settings_and_the_resize_timeout_are_drift_updated_in_place()
    {
        var original = new PoolDefinition { Id = "update-settings", NodeCount = 1, EnvironmentVariables = [new NameValueDefinition("STAGE", "test")] };
        await Provisioner().ApplyAsync(original);
        var changed = original with
        {
            EnvironmentVariables = [new NameValueDefinition("STAGE", "production")], StartTaskRetryCount = 2, WaitForStartTask = false, ResizeTimeoutMinutes = 25,
        };

        var plan = await Provisioner().PlanAsync(changed);

        Assert.Equal(PoolPlanAction.Drift, plan.Action);
        Assert.True(plan.CanUpdateInPlace);
        Assert.True(plan.ChangesStartTask);
        Assert.Equal(
            ["resizeTimeout", PoolDifference.StartTaskEnvironment, PoolDifference.StartTaskRetries, PoolDifference.StartTaskWaitForSuccess],
            plan.Differences.Select(d => d.Property).Order(StringComparer.Ordinal));
        Assert.Contains(plan.Differences, d => d.ToString() == "startTask.environmentSettings: expected 'STAGE=production', found 'STAGE=test'");
        Assert.DoesNotContain(plan.Differences, d => d.ToString().Contains("CHPC_", StringComparison.Ordinal));

        await Provisioner(DriftPolicy.UpdateInPlace).ApplyAsync(changed);

        var live = (await _client.GetPoolAsync("update-settings")).Value;
        Assert.Contains(live.StartTask!.EnvironmentSettings!, e => e.Name == "STAGE" && e.Value == "production");
        Assert.Equal(2, live.StartTask.MaxTaskRetryCount);
        Assert.False(live.StartTask.WaitForSuccess);
        Assert.Equal(TimeSpan.FromMinutes(25), live.ResizeTimeout);
        Assert.Equal(PoolPlanAction.NoChange, (await Provisioner().PlanAsync(changed)).Action);
    }

    [Fact]
    public async Task A_changed_mount_is_drift_that_needs_a_new_pool()
    {
        var original = new PoolDefinition { Id = "update-mount", NodeCount = 0, Mounts = [new NfsMountDefinition("10.0.0.4:/exports/data", "data")] };
        await Provisioner().ApplyAsync(original);

        var plan = await Provisioner().PlanAsync(original with { Mounts = [new NfsMountDefinition("10.0.0.5:/exports/data", "data")] });

        Assert.Equal(PoolPlanAction.Drift, plan.Action);
        var difference = Assert.Single(plan.Differences);
        Assert.Equal("mountConfiguration: expected 'NFS 10.0.0.5:/exports/data at data ()', found 'NFS 10.0.0.4:/exports/data at data ()' (needs the pool to be recreated)", difference.ToString());
    }

    [Fact]
    public async Task An_apply_and_a_plan_each_validate_the_definition_once_and_render_its_script_once()
    {
        var definition = new PoolDefinition { Id = "once", NodeCount = 1, Julia = new JuliaDefinition("1.10.5"), JuliaPackages = [new JuliaPackageDefinition("JOLI")] };
        var applying = Provisioner();
        var planning = Provisioner();

        await applying.ApplyAsync(definition);
        await planning.PlanAsync(definition);

        Assert.Equal((1, 1), applying.WorkDone);
        Assert.Equal((1, 1), planning.WorkDone);
    }

    [Fact]
    public async Task A_create_that_keeps_failing_transiently_gives_up_at_the_timeout_and_makes_no_pool()
    {
        var options = new BatchClientOptions();
        options.Retry.MaxRetries = 0;
        options.AddPolicy(new BusyOnCreate(), Azure.Core.HttpPipelinePosition.PerCall);
        var client = new BatchClient(_fixture.Emulator.Endpoint, _fixture.Emulator.Credential, options);
        var provisioner = new PoolProvisioner(client, new PoolProvisionerOptions
        {
            FirstPollDelay = TimeSpan.FromMilliseconds(30), MaxPollDelay = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(2), Preflight = false,
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => provisioner.ApplyAsync(new PoolDefinition { Id = "always-busy", NodeCount = 1 }));

        Assert.Equal(503, error.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.False((await _client.PoolExistsAsync("always-busy")).Value);
    }

    /// <summary>Every add-pool request fails as a 503 would once the client's own retries were spent.</summary>
    private sealed class BusyOnCreate : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            if (message.Request.Method == Azure.Core.RequestMethod.Post && message.Request.Uri.Path.EndsWith("/pools", StringComparison.Ordinal))
            {
                throw new RequestFailedException(503, "The server is busy (injected).");
            }
        }
    }

    [Fact]
    public async Task A_start_task_change_can_reboot_the_existing_nodes()
    {
        var original = new PoolDefinition { Id = "update-reboot", NodeCount = 2 };
        await Provisioner().ApplyAsync(original);
        var before = await _client.GetNodesAsync("update-reboot").ToListAsync();

        await Provisioner(DriftPolicy.UpdateInPlace, ExistingNodes.Reboot).ApplyAsync(original with { StartupSteps = [new StartupStepDefinition("true")] });

        var after = await _client.GetNodesAsync("update-reboot").ToListAsync();
        Assert.All(after, node => Assert.True(node.LastBootTime > before.Single(b => b.Id == node.Id).LastBootTime, $"{node.Id} was not rebooted"));
    }

    [Fact]
    public async Task Update_in_place_refuses_what_needs_a_new_pool_and_recreate_does_it()
    {
        var original = new PoolDefinition { Id = "recreated", NodeCount = 1 };
        await Provisioner().ApplyAsync(original);
        var bigger = original with { VmSize = "Standard_E4s_v3" };

        var refused = await Assert.ThrowsAsync<PoolDriftException>(() => Provisioner(DriftPolicy.UpdateInPlace).ApplyAsync(bigger));
        Assert.Contains("vmSize: expected 'Standard_E4s_v3', found 'standard_e2s_v3' (needs the pool to be recreated)", refused.Message);

        var pool = await Provisioner(DriftPolicy.Recreate).ApplyAsync(bigger);
        // The service returns the size in lower case; the plan compares sizes without case.
        Assert.Equal("standard_e4s_v3", pool.VmSize ?? (await _client.GetPoolAsync("recreated")).Value.VmSize);
        Assert.Equal(PoolPlanAction.NoChange, (await Provisioner().PlanAsync(bigger)).Action);
    }

    [Fact]
    public async Task Concurrent_applies_of_one_pool_make_one_pool_and_all_succeed()
    {
        var definition = new PoolDefinition { Id = "concurrent", NodeCount = 2 };

        var pools = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Provisioner().ApplyAsync(definition)));

        Assert.All(pools, p => Assert.Equal(2, p.CurrentDedicatedNodes));
        Assert.Single(await _client.GetPoolsAsync(filter: "id eq 'concurrent'").ToListAsync());
        Assert.Equal(2, (await _client.GetNodesAsync("concurrent").ToListAsync()).Count);
    }

    [Fact]
    public async Task Resize_up_and_down_waits_for_the_nodes_and_delete_waits_until_gone()
    {
        var provisioner = Provisioner();
        await provisioner.ApplyAsync(new PoolDefinition { Id = "resized", NodeCount = 1 });

        var up = await provisioner.ResizeAsync("resized", 3);
        Assert.Equal(3, up.CurrentDedicatedNodes);
        var down = await provisioner.ResizeAsync("resized", 1, deallocation: BatchNodeDeallocationOption.TaskCompletion);
        Assert.Equal(1, down.CurrentDedicatedNodes);
        Assert.Single(await _client.GetNodesAsync("resized").ToListAsync());

        await provisioner.DeleteAsync("resized");
        Assert.False((await _client.PoolExistsAsync("resized")).Value);
        await provisioner.DeleteAsync("resized");
    }

    /// <summary>Creates a pool directly (no provisioner), and a provisioner whose waits time out after 500 ms.</summary>
    private static async Task<PoolProvisioner> CreateWithShortTimeoutAsync(BatchClient client, string id, int nodes)
    {
        await client.CreatePoolAsync(new BatchPoolCreateOptions
        {
            Id = id,
            VmSize = "standard_d2s_v3",
            TargetDedicatedNodes = nodes,
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
        });
        return new PoolProvisioner(client, new PoolProvisionerOptions
        {
            FirstPollDelay = Fast.FirstPollDelay, MaxPollDelay = Fast.MaxPollDelay, Timeout = TimeSpan.FromMilliseconds(500),
        });
    }

    [Fact]
    public async Task A_pool_that_stays_resizing_past_the_timeout_ends_the_wait_naming_it()
    {
        await using var slow = await BatchEmulator.StartAsync(new BatchEmulatorOptions { StopResizeDelay = TimeSpan.FromMinutes(5), NodeCreatingDelay = TimeSpan.FromMinutes(5) });
        var client = slow.CreateClient();
        var provisioner = await CreateWithShortTimeoutAsync(client, "stuck-resizing", nodes: 2);
        await client.StopPoolResizeAsync("stuck-resizing");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => provisioner.ResizeAsync("stuck-resizing", 1));

        Assert.StartsWith("Pool 'stuck-resizing' was still resizing 0.5 s later.", error.Message);
        Assert.NotEqual(AllocationState.Steady, (await client.GetPoolAsync("stuck-resizing")).Value.AllocationState);
    }

    [Fact]
    public async Task A_pool_that_stays_deleting_past_the_timeout_ends_the_wait_naming_it()
    {
        await using var slow = await BatchEmulator.StartAsync(new BatchEmulatorOptions { PoolDeleteDelay = TimeSpan.FromMinutes(5) });
        var client = slow.CreateClient();
        var provisioner = await CreateWithShortTimeoutAsync(client, "stuck-deleting", nodes: 0);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => provisioner.DeleteAsync("stuck-deleting"));

        Assert.Contains("Pool 'stuck-deleting' still existed 0.5 s after it was deleted", error.Message);
        Assert.Equal(BatchPoolState.Deleting, (await client.GetPoolAsync("stuck-deleting")).Value.State);
    }

    [Fact]
    public async Task Remove_nodes_takes_the_named_nodes_out()
    {
        var provisioner = Provisioner();
        await provisioner.ApplyAsync(new PoolDefinition { Id = "trimmed", NodeCount = 3 });
        var victim = (await _client.GetNodesAsync("trimmed").ToListAsync())[0].Id!;

        await provisioner.RemoveNodesAsync("trimmed", [victim]);

        var left = await _client.GetNodesAsync("trimmed").ToListAsync();
        Assert.Equal(2, left.Count);
        Assert.DoesNotContain(left, n => n.Id == victim);
    }

    [Fact]
    public async Task Autoscale_is_enabled_evaluated_and_disabled_and_a_bad_formula_never_leaves_the_machine()
    {
        var provisioner = Provisioner();
        await provisioner.ApplyAsync(new PoolDefinition { Id = "scaled-later", NodeCount = 1 });

        var invalid = await Assert.ThrowsAsync<PoolDefinitionException>(() => provisioner.EnableAutoScaleAsync("scaled-later", "$TargetDedicatedNodes = $Nope;"));
        Assert.Contains("CHPC1002", invalid.Message);
        Assert.False((await _client.GetPoolAsync("scaled-later")).Value.EnableAutoScale ?? false);

        await provisioner.EnableAutoScaleAsync("scaled-later", "$TargetDedicatedNodes = 2;", 5);
        var run = await provisioner.EvaluateAutoScaleAsync("scaled-later", "$TargetDedicatedNodes = 4;");
        Assert.StartsWith("$TargetDedicatedNodes=4;", run.Results);
        await provisioner.DisableAutoScaleAsync("scaled-later");
        Assert.False((await _client.GetPoolAsync("scaled-later")).Value.EnableAutoScale ?? false);
    }

    [Fact]
    public void Local_evaluation_needs_no_pool()
    {
        var result = PoolProvisioner.EvaluateAutoScaleLocally("$TargetDedicatedNodes = 3;", new ClusterlessHpc.AutoScale.AutoScaleContext { Now = DateTimeOffset.UtcNow });

        Assert.StartsWith("$TargetDedicatedNodes=3;", result.Results);
    }

    [Fact]
    public async Task Preflight_names_the_closest_supported_image_and_creates_nothing()
    {
        var definition = new PoolDefinition
        {
            Id = "preflighted",
            Image = new MarketplaceImageDefinition("canonical", "ubuntu-24_04-lts", "server-gen") { NodeAgentSku = "batch.node.ubuntu 24.04" },
        };

        var error = await Assert.ThrowsAsync<PreflightException>(() => Provisioner().ApplyAsync(definition));

        Assert.Equal("canonical:ubuntu-24_04-lts:server with 'batch.node.ubuntu 24.04'", error.Closest);
        Assert.Contains("does not support canonical:ubuntu-24_04-lts:server-gen with", error.Message);
        Assert.False((await _client.PoolExistsAsync("preflighted")).Value);
    }

    [Fact]
    public async Task A_resize_error_ends_the_wait_with_its_code()
    {
        await using var small = await BatchEmulator.StartAsync(new BatchEmulatorOptions { DedicatedNodeQuota = 2, NodeCreatingDelay = TimeSpan.FromMilliseconds(20) });

        var error = await Assert.ThrowsAsync<PoolProvisioningException>(() =>
            new PoolProvisioner(small.CreateClient(), Fast).ApplyAsync(new PoolDefinition { Id = "over-quota", NodeCount = 5 }));

        Assert.Equal("AccountCoreQuotaReached", error.Code);
        Assert.Contains("'over-quota' could not reach its targets", error.Message);
    }

    private sealed class Collect(List<ProvisioningProgress> reports) : IProgress<ProvisioningProgress>
    {
        public void Report(ProvisioningProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
