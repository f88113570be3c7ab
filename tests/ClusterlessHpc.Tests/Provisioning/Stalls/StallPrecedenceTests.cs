using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning.Stalls;

/// <summary>Which cause wins when several apply, and the causes the emulator cannot produce, on evidence built by hand.</summary>
public sealed class StallPrecedenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static BatchPool Pool(int target, AllocationState allocation, params ResizeError[] errors) => new()
    {
        Id = "p", VmSize = "Standard_E4s_v3", State = BatchPoolState.Active, AllocationState = allocation,
        TargetDedicatedNodes = target, CurrentDedicatedNodes = target, ResizeTimeout = TimeSpan.FromMinutes(15),
        ResizeErrors = errors.Length == 0 ? null : errors,
    };

    private static BatchNode Node(string id, BatchNodeState state, params BatchNodeError[] errors) =>
        new() { Id = id, State = state, AllocationTime = Now.AddMinutes(-20), Errors = errors.Length == 0 ? null : errors };

    [Fact]
    public void The_order_is_the_documented_one()
    {
        Assert.Equal(
            [
                StallCause.QuotaReached, StallCause.StartTaskFailed, StallCause.AutoScaleFailed, StallCause.FormulaKeepsZero,
                StallCause.AllocationFailed, StallCause.AllocationTimedOut, StallCause.NodesUnusable, StallCause.ResizeStopped,
                StallCause.ResizeError, StallCause.NodesPreempted, StallCause.StartTaskRunning, StallCause.NodesStarting,
            ],
            PoolStallExplainer.Precedence);
    }

    [Fact]
    public void A_quota_wins_over_a_failed_start_task_and_starting_nodes()
    {
        var pool = Pool(3, AllocationState.Steady, new ResizeError { Code = "AccountCoreQuotaReached", Message = "quota" });
        var evidence = new PoolStallEvidence(pool, [Node("a", BatchNodeState.StartTaskFailed), Node("b", BatchNodeState.Starting)], Now);

        Assert.Equal(StallCause.QuotaReached, PoolStallExplainer.Explain(evidence).Cause);
    }

    [Fact]
    public void Unusable_nodes_are_named_with_their_errors()
    {
        var evidence = new PoolStallEvidence(Pool(2, AllocationState.Steady),
            [Node("a", BatchNodeState.Idle), Node("b", BatchNodeState.Unusable, new BatchNodeError { Code = "DiskFull", Message = "The disk is full." })], Now);

        var explanation = PoolStallExplainer.Explain(evidence);

        Assert.Equal(StallCause.NodesUnusable, explanation.Cause);
        Assert.True(explanation.IsStalled);
        Assert.Equal("1 node(s) of pool 'p' are unusable (b): DiskFull: The disk is full.", explanation.Summary);
    }

    [Fact]
    public void A_stale_resize_error_on_a_pool_at_its_target_is_no_stall()
    {
        var evidence = new PoolStallEvidence(Pool(0, AllocationState.Steady, new ResizeError { Code = "AllocationTimedout", Message = "old" }), [], Now);

        var explanation = PoolStallExplainer.Explain(evidence);

        Assert.Equal(StallCause.None, explanation.Cause);
        Assert.False(explanation.IsStalled);
    }

    [Fact]
    public void Slow_nodes_count_as_stalled_only_past_the_threshold()
    {
        var evidence = new PoolStallEvidence(Pool(1, AllocationState.Steady), [Node("a", BatchNodeState.WaitingForStartTask)], Now)
        {
            BelowTargetSince = Now.AddMinutes(-10),
        };

        Assert.False(PoolStallExplainer.Explain(evidence).IsStalled);
        Assert.True(PoolStallExplainer.Explain(evidence, TimeSpan.FromMinutes(5)).IsStalled);
        Assert.Equal(TimeSpan.FromMinutes(10), PoolStallExplainer.Explain(evidence).BelowTargetFor);
    }
}
