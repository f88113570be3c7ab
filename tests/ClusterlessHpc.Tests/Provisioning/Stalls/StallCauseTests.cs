using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning.Stalls;

/// <summary>Each stall cause, produced by the emulator over a socket and explained through the client.</summary>
public sealed class StallCauseTests
{
    private static readonly PoolProvisionerOptions FastPolling = new() { FirstPollDelay = TimeSpan.FromMilliseconds(50), MaxPollDelay = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task A_core_quota_is_named_from_the_resize_error_code_with_the_account_counts()
    {
        // 8 cores of Standard_E4s_v3 (4 vCPUs each) hold 2 of the 3 nodes.
        await using var emulator = await StallEmulator.StartAsync(o => o.DedicatedCoreQuota = 8);
        await emulator.CreatePoolAsync("quota", dedicated: 3);
        var pool = await emulator.UntilSteadyAsync("quota");

        var explanation = await PoolStallExplainer.ExplainAsync(emulator.Client, "quota");

        Assert.Equal(2, pool.CurrentDedicatedNodes);
        Assert.Equal(StallCause.QuotaReached, explanation.Cause);
        Assert.True(explanation.IsStalled);
        Assert.Contains("dedicated core quota (AccountCoreQuotaReached: The specified account has reached VM core quota.", explanation.Summary);
        Assert.Contains("management plane", explanation.Fix);
        Assert.Contains(explanation.Evidence, l => l.StartsWith("resize error AccountCoreQuotaReached:", StringComparison.Ordinal) && l.Contains("CoreQuota=8"));
        Assert.Contains(explanation.Evidence, l => l.StartsWith("account: 2 dedicated and 0 low-priority node(s) in 1 pool(s)", StringComparison.Ordinal));
        Assert.Contains(explanation.Evidence, l => l.StartsWith("node counts (GET /nodecounts): dedicated 2 total", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AllocationFailed", StallCause.AllocationFailed, "no capacity for VM size 'standard_e4s_v3'")]
    [InlineData("AllocationTimedout", StallCause.AllocationTimedOut, "longer resize timeout")]
    public async Task An_injected_allocation_failure_is_named_with_its_fix(string code, StallCause cause, string fix)
    {
        await using var emulator = await StallEmulator.StartAsync(o => o.AllocationFailures["alloc"] = code);
        await emulator.CreatePoolAsync("alloc", dedicated: 2);
        var pool = await emulator.UntilSteadyAsync("alloc");

        var explanation = await PoolStallExplainer.ExplainAsync(emulator.Client, "alloc");

        Assert.Equal(0, pool.CurrentDedicatedNodes);
        Assert.Equal(code, Assert.Single(pool.ResizeErrors!).Code);
        Assert.Equal(cause, explanation.Cause);
        Assert.True(explanation.IsStalled);
        Assert.Contains(fix, explanation.Fix);
    }

    [Fact]
    public async Task A_stopped_resize_is_named_while_its_nodes_still_boot()
    {
        await using var emulator = await StallEmulator.StartAsync(o => o.NodeStartingDelay = TimeSpan.FromMinutes(5));
        await emulator.CreatePoolAsync("stopped", dedicated: 2);
        await emulator.Client.StopPoolResizeAsync("stopped");
        await emulator.UntilSteadyAsync("stopped");

        var explanation = await PoolStallExplainer.ExplainAsync(emulator.Client, "stopped");

        Assert.Equal(StallCause.ResizeStopped, explanation.Cause);
        Assert.Equal("resize stopped (ResizeStopped)", explanation.ShortReason);
        Assert.Contains("chpc resize stopped --dedicated N", explanation.Fix);
    }

    [Fact]
    public async Task A_failing_start_task_wins_over_the_nodes_still_starting()
    {
        await using var emulator = await StallEmulator.StartAsync(o => o.StartTaskExitCode = (_, _) => 42);
        await emulator.CreatePoolAsync("failing", dedicated: 1, startTask: true);
        await emulator.UntilAsync("failing", (_, nodes) => nodes.Any(n => n.State == BatchNodeState.StartTaskFailed));

        var explanation = await PoolStallExplainer.ExplainAsync(emulator.Client, "failing");

        Assert.Equal(StallCause.StartTaskFailed, explanation.Cause);
        Assert.Contains("exit code 42", explanation.Summary);
        Assert.Contains("chpc logs failing ", explanation.Fix);
        Assert.Contains(explanation.Evidence, l => l.Contains("start task exit code 42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unusable_nodes_are_named_with_their_errors_and_the_fix_and_apply_fails_on_them()
    {
        await using var emulator = await StallEmulator.StartAsync(o => o.UnusableNodes["unusable"] = "ContainerInvalidImage");

        // Apply does not wait for its timeout: an unusable node fails the wait at once, as waiting does not cure it.
        var applied = await Assert.ThrowsAsync<PoolProvisioningException>(() =>
            new PoolProvisioner(emulator.Client, FastPolling).ApplyAsync(new PoolDefinition { Id = "unusable", NodeCount = 2 }));
        var pool = await emulator.UntilAsync("unusable", (p, nodes) => p.AllocationState == AllocationState.Steady && nodes.Count == 2 && nodes.All(n => n.State == BatchNodeState.Unusable));
        var explanation = await PoolStallExplainer.ExplainAsync(emulator.Client, "unusable");

        Assert.Equal(2, pool.CurrentDedicatedNodes);
        Assert.Equal(StallCause.NodesUnusable, explanation.Cause);
        Assert.True(explanation.IsStalled);
        Assert.Equal("2 node(s) unusable", explanation.ShortReason);
        Assert.StartsWith("2 node(s) of pool 'unusable' are unusable (", explanation.Summary);
        Assert.EndsWith("): ContainerInvalidImage: A container image of the pool could not be downloaded to the node.", explanation.Summary);
        Assert.StartsWith("Remove the unusable nodes (Batch's remove-nodes", explanation.Fix);
        Assert.Contains("'chpc nodes unusable' shows their errors", explanation.Fix);
        Assert.Contains(explanation.Evidence, l => l.StartsWith("node counts (GET /nodecounts): dedicated 2 total (2 unusable)", StringComparison.Ordinal));
        Assert.Equal(BatchPoolWaitErrorCodes.NodeUnusable, applied.Code);
        Assert.Contains("ContainerInvalidImage: A container image of the pool could not be downloaded to the node.", applied.Message);
    }

    [Fact]
    public async Task A_failed_autoscale_evaluation_is_named_with_its_error()
    {
        await using var emulator = await StallEmulator.StartAsync();
        // No sample exists when the pool is created, so the service's evaluation fails.
        await emulator.CreatePoolAsync("formula-fails", formula: "$TargetDedicatedNodes = $PendingTasks.GetSample(1);");
        var pool = await emulator.UntilAsync("formula-fails", (p, _) => p.AutoScaleRun is not null);

        var explanation = await PoolStallExplainer.ExplainAsync(emulator.Client, "formula-fails");

        Assert.NotNull(pool.AutoScaleRun!.Error);
        Assert.Equal(StallCause.AutoScaleFailed, explanation.Cause);
        Assert.True(explanation.IsStalled);
        Assert.Contains(pool.AutoScaleRun.Error!.Code!, explanation.Summary);
        Assert.Contains("chpc autoscale enable formula-fails", explanation.Fix);
    }

    [Fact]
    public async Task A_formula_that_keeps_zero_nodes_while_tasks_wait_is_named_from_its_last_evaluation()
    {
        await using var emulator = await StallEmulator.StartAsync();
        await emulator.CreatePoolAsync("zero", formula: "$TargetDedicatedNodes = 0; $TargetLowPriorityNodes = 0;");
        await emulator.Client.CreateJobAsync(new BatchJobCreateOptions { Id = "waiting", PoolInfo = new BatchPoolInfo { PoolId = "zero" } });
        await emulator.Client.CreateTaskAsync("waiting", new BatchTaskCreateOptions { Id = "t1", CommandLine = "/bin/true" });
        await emulator.Client.CreateTaskAsync("waiting", new BatchTaskCreateOptions { Id = "t2", CommandLine = "/bin/true" });
        await emulator.UntilAsync("zero", (p, _) => p.AutoScaleRun is not null);

        var explanation = await PoolStallExplainer.ExplainAsync(emulator.Client, "zero");

        Assert.Equal(StallCause.FormulaKeepsZero, explanation.Cause);
        Assert.Contains("$TargetDedicatedNodes=0, $TargetLowPriorityNodes=0", explanation.Summary);
        Assert.Contains("while 2 task(s) wait (2 in job 'waiting')", explanation.Summary);
        Assert.Contains(explanation.Evidence, l => l == "tasks waiting on the pool: 2 (2 in job 'waiting')");
    }

    [Fact]
    public async Task Preempted_spot_nodes_are_named_once_the_pool_is_below_target_past_the_threshold()
    {
        await using var emulator = await StallEmulator.StartAsync(o =>
        {
            o.SpotPreemptionRate = 360_000;
            o.SpotRecoveryDelay = TimeSpan.FromMinutes(5);
        });
        await emulator.CreatePoolAsync("spot", lowPriority: 2);
        await emulator.UntilAsync("spot", (_, nodes) => nodes.Any(n => n.State == BatchNodeState.Preempted));

        var early = await PoolStallExplainer.ExplainAsync(emulator.Client, "spot", stallThreshold: TimeSpan.FromHours(1));
        var late = await PoolStallExplainer.ExplainAsync(emulator.Client, "spot", stallThreshold: TimeSpan.Zero);

        Assert.Equal(StallCause.NodesPreempted, early.Cause);
        Assert.False(early.IsStalled);
        Assert.Equal(StallCause.NodesPreempted, late.Cause);
        Assert.True(late.IsStalled);
        Assert.Contains("spot node(s) of pool 'spot' were preempted", late.Summary);
    }

    [Fact]
    public async Task A_slow_start_task_is_named_when_the_wait_times_out()
    {
        await using var emulator = await StallEmulator.StartAsync(o => o.StartTaskDelay = TimeSpan.FromMinutes(5));
        var reports = new List<ProvisioningProgress>();
        var options = new PoolProvisionerOptions
        {
            FirstPollDelay = FastPolling.FirstPollDelay, MaxPollDelay = FastPolling.MaxPollDelay,
            Timeout = TimeSpan.FromSeconds(2), StallThreshold = TimeSpan.FromMilliseconds(300),
        };

        var error = await Assert.ThrowsAsync<PoolStalledException>(() =>
            new PoolProvisioner(emulator.Client, options).ApplyAsync(new PoolDefinition { Id = "slow-start", NodeCount = 1 }, new SyncProgress(reports)));

        Assert.IsAssignableFrom<TimeoutException>(error);
        Assert.Equal(StallCause.StartTaskRunning, error.Explanation.Cause);
        Assert.Contains("was not ready within 2.0 s", error.Message);
        Assert.Contains("Why: 1 node(s) of pool 'slow-start' are still running the start task", error.Message);
        Assert.Contains(" Fix: The startup script is slow", error.Message);
        var stalled = Assert.Single(reports, r => r.Stage == ProvisioningStage.Stalled);
        Assert.StartsWith("1 node(s) of pool 'slow-start' are still running the start task", stalled.Message);
    }

    [Fact]
    public async Task Nodes_that_keep_booting_are_named_when_the_wait_times_out()
    {
        await using var emulator = await StallEmulator.StartAsync(o => o.NodeStartingDelay = TimeSpan.FromMinutes(5));
        var options = new PoolProvisionerOptions
        {
            FirstPollDelay = FastPolling.FirstPollDelay, MaxPollDelay = FastPolling.MaxPollDelay,
            Timeout = TimeSpan.FromSeconds(1), StallThreshold = TimeSpan.FromMilliseconds(200),
        };

        var error = await Assert.ThrowsAsync<PoolStalledException>(() =>
            new PoolProvisioner(emulator.Client, options).ApplyAsync(new PoolDefinition { Id = "booting", NodeCount = 2 }));

        Assert.Equal(StallCause.NodesStarting, error.Explanation.Cause);
        Assert.Contains("2 node(s) creating or starting", error.Message);
    }

    private sealed class SyncProgress(List<ProvisioningProgress> reports) : IProgress<ProvisioningProgress>
    {
        public void Report(ProvisioningProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
