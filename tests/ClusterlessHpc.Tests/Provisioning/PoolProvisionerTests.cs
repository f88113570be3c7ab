using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Scripts;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>The provisioner through the real client against the emulator over a loopback socket.</summary>
public sealed class PoolProvisionerTests : IClassFixture<PoolProvisionerTests.EmulatorFixture>
{
    private static readonly PoolProvisionerOptions FastPolling = new() { FirstPollDelay = TimeSpan.FromMilliseconds(50), MaxPollDelay = TimeSpan.FromMilliseconds(200) };
    private readonly EmulatorFixture _fixture;

    public PoolProvisionerTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Apply_creates_the_pool_and_waits_until_every_node_is_idle_reporting_progress()
    {
        var definition = WithId(SamplePools.Seed, "apply-seed");
        var reports = new List<ProvisioningProgress>();

        var pool = await new PoolProvisioner(_fixture.Client, FastPolling).ApplyAsync(definition, new SyncProgress(reports));

        Assert.Equal(AllocationState.Steady, pool.AllocationState);
        Assert.Equal(2, pool.CurrentDedicatedNodes);
        var nodes = await _fixture.Client.GetNodesAsync("apply-seed").ToListAsync();
        Assert.Equal(2, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(BatchNodeState.Idle, n.State));

        var stages = reports.Select(r => r.Stage).ToList();
        Assert.Equal(ProvisioningStage.Validating, stages[0]);
        Assert.Equal(ProvisioningStage.Creating, stages[1]);
        Assert.Contains(ProvisioningStage.WaitingForNodes, stages);
        Assert.Equal(ProvisioningStage.Ready, stages[^1]);
        Assert.Contains(reports, r => r.Stage == ProvisioningStage.WaitingForNodes && r.NodesByState.Count > 0);
    }

    [Fact]
    public async Task The_pool_carries_the_startup_script_inline_and_the_definition_hash()
    {
        var definition = WithId(SamplePools.Seed, "inline-script");
        await new PoolProvisioner(_fixture.Client, FastPolling).ApplyAsync(definition);

        var pool = (await _fixture.Client.GetPoolAsync("inline-script")).Value;

        Assert.Equal(InlineScriptDelivery.CommandLine, pool.StartTask!.CommandLine);
        Assert.Equal(StartupScriptRenderer.Render(definition), InlineScriptDelivery.TryDecode(pool.StartTask));
        Assert.Contains(pool.Metadata!, m => m.Name == PoolRequestBuilder.DefinitionHashMetadata && m.Value == StartupScriptRenderer.DefinitionHash(definition));
        Assert.Equal("batch.node.ubuntu 24.04", pool.VirtualMachineConfiguration!.NodeAgentSkuId);
    }

    [Fact]
    public async Task Applying_an_identical_definition_again_is_not_an_error()
    {
        var definition = WithId(SamplePools.NoJulia, "apply-twice");
        var provisioner = new PoolProvisioner(_fixture.Client, FastPolling);
        await provisioner.ApplyAsync(definition);
        var reports = new List<ProvisioningProgress>();

        var pool = await provisioner.ApplyAsync(definition, new SyncProgress(reports));

        Assert.Contains(reports, r => r.Stage == ProvisioningStage.AlreadyExists);
        Assert.Equal(1, pool.CurrentDedicatedNodes);
    }

    [Fact]
    public async Task An_existing_pool_from_another_definition_is_reported_as_drift()
    {
        var provisioner = new PoolProvisioner(_fixture.Client, FastPolling);
        await provisioner.ApplyAsync(WithId(SamplePools.NoJulia, "drifted"));
        var changed = new PoolDefinition { Id = "DRIFTED", NodeCount = 1, Julia = new JuliaDefinition("1.10.5") };

        var error = await Assert.ThrowsAsync<PoolDriftException>(() => provisioner.ApplyAsync(changed));

        Assert.Equal("DRIFTED", error.PoolId);
        Assert.Contains("already exists but differs from its definition", error.Message);
        Assert.Contains(error.Plan.Differences, d => d.Property == PoolDifference.StartTask && d.UpdatableInPlace);
        Assert.Contains("existing nodes get the new start task when rebooted or reimaged", error.Message);
    }

    [Fact]
    public async Task Plan_says_create_then_no_change_then_each_drifted_property()
    {
        var provisioner = new PoolProvisioner(_fixture.Client, FastPolling);
        var definition = WithId(SamplePools.NoJulia, "planned");

        Assert.Equal(PoolPlanAction.Create, (await provisioner.PlanAsync(definition)).Action);
        await provisioner.ApplyAsync(definition);
        Assert.Equal(PoolPlanAction.NoChange, (await provisioner.PlanAsync(definition)).Action);

        var bigger = await provisioner.PlanAsync(definition with { NodeCount = 3, Metadata = [new NameValueDefinition("team", "seismic")] });
        Assert.Equal(PoolPlanAction.Drift, bigger.Action);
        Assert.True(bigger.CanUpdateInPlace);
        Assert.Contains(bigger.Differences, d => d == new PoolDifference("targetDedicatedNodes", "'3'", "'1'", true));
        Assert.Contains(bigger.Differences, d => d.Property == "metadata" && d.Expected == "'team=seismic'" && d.Actual == "(none)");

        var other = await provisioner.PlanAsync(definition with { VmSize = "Standard_D2s_v3" });
        Assert.False(other.CanUpdateInPlace);
        Assert.Contains(other.Differences, d => d == new PoolDifference("vmSize", "'Standard_D2s_v3'", "'standard_e2s_v3'", false));
    }

    [Fact]
    public async Task A_plan_needs_no_secret_and_lists_the_settings_apply_will_need()
    {
        var provisioner = new PoolProvisioner(_fixture.Client, FastPolling);
        var definition = WithId(SamplePools.NoJulia, "planned-registry") with
        {
            ContainerImages = ["contoso.azurecr.io/redwood:v1"],
            ContainerRegistries = [new ContainerRegistryDefinition("contoso.azurecr.io") { UserName = "puller", PasswordSetting = "Registry:Password" }],
        };

        var plan = await provisioner.PlanAsync(definition);

        Assert.Equal(PoolPlanAction.Create, plan.Action);
        Assert.Equal([new MissingSetting("planned-registry", "Registry:Password", "the password of registry 'contoso.azurecr.io'")], plan.MissingSettings);
        Assert.EndsWith("; missing 'Registry:Password' (the password of registry 'contoso.azurecr.io')", plan.ToString());
        var refused = await Assert.ThrowsAsync<MissingSettingException>(() => provisioner.ApplyAsync(definition));
        Assert.Equal("Registry:Password", refused.SettingKey);
        Assert.False((await _fixture.Client.PoolExistsAsync("planned-registry")).Value);
    }

    [Fact]
    public async Task A_failing_start_task_names_the_node_and_the_exit_code()
    {
        var definition = WithId(SamplePools.NoJulia, "fail-start");

        var error = await Assert.ThrowsAsync<StartTaskFailedException>(() => new PoolProvisioner(_fixture.Client, FastPolling).ApplyAsync(definition));

        Assert.Equal(42, error.ExitCode);
        Assert.StartsWith("tvm-", error.NodeId);
        Assert.Contains($"node '{error.NodeId}' in pool 'fail-start' failed with exit code 42", error.Message);
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_before_any_request()
    {
        var invalid = new PoolDefinition { Id = "bad-julia", Julia = new JuliaDefinition("1.10") };

        var error = await Assert.ThrowsAsync<PoolDefinitionException>(() => new PoolProvisioner(_fixture.Client, FastPolling).ApplyAsync(invalid));

        Assert.Contains("CHPC0101", error.Message);
        var lookup = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.GetPoolAsync("bad-julia"));
        Assert.Equal("PoolNotFound", lookup.ErrorCode);
    }

    [Fact]
    public async Task Nodes_that_do_not_become_idle_in_time_end_in_a_timeout_that_says_what_was_seen()
    {
        await using var slow = await BatchEmulator.StartAsync(new BatchEmulatorOptions { NodeCreatingDelay = TimeSpan.FromHours(1) });
        var client = new BatchClient(slow.Endpoint, slow.Credential);
        var options = new PoolProvisionerOptions { FirstPollDelay = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromMilliseconds(600) };

        // A timeout still, that now also names the root cause the service shows.
        var error = await Assert.ThrowsAnyAsync<TimeoutException>(() => new PoolProvisioner(client, options).ApplyAsync(WithId(SamplePools.NoJulia, "slow")));

        Assert.Contains("Pool 'slow' was not ready within 0.6 s (last seen: ", error.Message);
        Assert.Contains("The pool exists and keeps allocating", error.Message);
        Assert.Contains("creating", error.Message);
        Assert.Equal(StallCause.NodesStarting, Assert.IsType<PoolStalledException>(error).Explanation.Cause);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait()
    {
        await using var slow = await BatchEmulator.StartAsync(new BatchEmulatorOptions { NodeCreatingDelay = TimeSpan.FromHours(1) });
        var client = new BatchClient(slow.Endpoint, slow.Credential);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PoolProvisioner(client, FastPolling).ApplyAsync(WithId(SamplePools.NoJulia, "cancelled"), null, cancel.Token));
    }

    private static PoolDefinition WithId(PoolDefinition definition, string id) => new()
    {
        Id = id,
        VmSize = definition.VmSize,
        NodeCount = definition.NodeCount,
        LowPriorityNodeCount = definition.LowPriorityNodeCount,
        Julia = definition.Julia,
        JuliaPackages = definition.JuliaPackages,
    };

    private sealed class SyncProgress(List<ProvisioningProgress> reports) : IProgress<ProvisioningProgress>
    {
        public void Report(ProvisioningProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }

    /// <summary>One emulator for the class; start tasks of pools named fail-* exit with 42.</summary>
    public sealed class EmulatorFixture : IAsyncLifetime
    {
        private BatchEmulator? _emulator;

        public BatchClient Client { get; private set; } = null!;

        /// <summary>The emulator itself, for a test that needs a client of its own on it.</summary>
        public BatchEmulator Emulator { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                NodeCreatingDelay = TimeSpan.FromMilliseconds(50),
                NodeStartingDelay = TimeSpan.FromMilliseconds(50),
                StartTaskDelay = TimeSpan.FromMilliseconds(50),
                StartTaskExitCode = (pool, _) => pool.StartsWith("fail-", StringComparison.OrdinalIgnoreCase) ? 42 : null,
            });
            Client = new BatchClient(_emulator.Endpoint, _emulator.Credential);
            Emulator = _emulator;
        }

        public async ValueTask DisposeAsync()
        {
            if (_emulator is not null) await _emulator.DisposeAsync();
        }
    }
}

/// <summary>The ClusterlessHpc activity source: a span per operation, failures marked.</summary>
public sealed class ProvisioningTelemetryTests : IClassFixture<PoolProvisionerTests.EmulatorFixture>
{
    private readonly PoolProvisionerTests.EmulatorFixture _fixture;

    public ProvisioningTelemetryTests(PoolProvisionerTests.EmulatorFixture fixture) => _fixture = fixture;

    /// <summary>Records every provisioning span that ends into <paramref name="spans"/> until disposed.</summary>
    private static System.Diagnostics.ActivityListener Record(List<System.Diagnostics.Activity> spans)
    {
        var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == ProvisioningTelemetry.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) spans.Add(activity); },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        return listener;
    }

    [Fact]
    public async Task Apply_and_its_wait_are_spans_tagged_with_the_pool_and_a_failure_is_marked()
    {
        var spans = new List<System.Diagnostics.Activity>();
        using var listener = Record(spans);
        var provisioner = new PoolProvisioner(_fixture.Client, new PoolProvisionerOptions { FirstPollDelay = TimeSpan.FromMilliseconds(50) });

        await provisioner.ApplyAsync(new PoolDefinition { Id = "traced" });
        await Assert.ThrowsAsync<StartTaskFailedException>(() => provisioner.ApplyAsync(new PoolDefinition { Id = "fail-traced" }));

        lock (spans)
        {
            Assert.Contains(spans, s => s.OperationName == "ClusterlessHpc.Apply" && (string?)s.GetTagItem("clusterlesshpc.pool.id") == "traced" && s.Status != System.Diagnostics.ActivityStatusCode.Error);
            Assert.Contains(spans, s => s.OperationName == "ClusterlessHpc.Wait" && (string?)s.GetTagItem("clusterlesshpc.pool.id") == "traced");
            Assert.Contains(spans, s => s.OperationName == "ClusterlessHpc.Apply" && (string?)s.GetTagItem("clusterlesshpc.pool.id") == "fail-traced" && s.Status == System.Diagnostics.ActivityStatusCode.Error);
        }
    }

    [Fact]
    public async Task Every_operation_that_fails_ends_its_span_marked_failed()
    {
        const string Missing = "traced-missing";
        var spans = new List<System.Diagnostics.Activity>();
        using var listener = Record(spans);
        var provisioner = new PoolProvisioner(_fixture.Client, new PoolProvisionerOptions { FirstPollDelay = TimeSpan.FromMilliseconds(50) });
        const string Formula = "$TargetDedicatedNodes = 1;";

        // Each on a pool that does not exist: the service refuses it with PoolNotFound.
        await Assert.ThrowsAsync<RequestFailedException>(() => provisioner.ResizeAsync(Missing, 1));
        await Assert.ThrowsAsync<RequestFailedException>(() => provisioner.StopResizeAsync(Missing));
        await Assert.ThrowsAsync<RequestFailedException>(() => provisioner.RemoveNodesAsync(Missing, ["tvm-1"]));
        await Assert.ThrowsAsync<RequestFailedException>(() => provisioner.EnableAutoScaleAsync(Missing, Formula));
        await Assert.ThrowsAsync<RequestFailedException>(() => provisioner.DisableAutoScaleAsync(Missing));
        await Assert.ThrowsAsync<RequestFailedException>(() => provisioner.EvaluateAutoScaleAsync(Missing, Formula));
        // A formula refused locally fails the span too, though nothing was sent.
        await Assert.ThrowsAsync<PoolDefinitionException>(() => provisioner.EnableAutoScaleAsync("traced-bad-formula", "$TargetDedicatedNodes = ;"));
        // Deleting a pool that is not there succeeds; a cancelled delete fails.
        await provisioner.DeleteAsync(Missing);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provisioner.DeleteAsync("traced-cancelled", new CancellationToken(canceled: true)));

        lock (spans)
        {
            System.Diagnostics.Activity Span(string operation, string poolId) =>
                Assert.Single(spans, s => s.OperationName == "ClusterlessHpc." + operation && (string?)s.GetTagItem("clusterlesshpc.pool.id") == poolId);
            foreach (var operation in new[] { "Resize", "StopResize", "RemoveNodes", "EnableAutoScale", "DisableAutoScale", "EvaluateAutoScale" })
            {
                var span = Span(operation, Missing);
                Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, span.Status);
                Assert.Equal("PoolNotFound", span.GetTagItem("error.type"));
                Assert.False(string.IsNullOrEmpty(span.StatusDescription));
            }
            var refused = Span("EnableAutoScale", "traced-bad-formula");
            Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, refused.Status);
            Assert.Equal(typeof(PoolDefinitionException).FullName, refused.GetTagItem("error.type"));
            Assert.NotEqual(System.Diagnostics.ActivityStatusCode.Error, Span("Delete", Missing).Status);
            Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, Span("Delete", "traced-cancelled").Status);
        }
    }
}
