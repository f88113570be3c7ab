using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Provisioning;

namespace ClusterlessHpc.Tests.Provisioning;

/// <summary>
/// The one meaning of "ready", the same through the client's operation and the provisioner, on node states the
/// emulator does not produce (running, unusable, preempted): a client that answers each poll with the pool and
/// nodes the test gives it.
/// </summary>
public sealed class ReadinessTests
{
    private static readonly PoolProvisionerOptions Fast = new() { FirstPollDelay = TimeSpan.FromMilliseconds(1), MaxPollDelay = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task A_pool_busy_with_tasks_is_ready_for_the_operation_and_the_provisioner()
    {
        var client = new ScriptedClient(Steady(2), Node("a", BatchNodeState.Running), Node("b", BatchNodeState.Idle));
        var operation = new BatchPoolReadyOperation(client, "busy");

        await operation.UpdateStatusAsync();
        var pool = await new PoolProvisioner(client, Fast).WaitUntilReadyAsync("busy");

        Assert.True(operation.HasValue);
        Assert.Equal("busy", pool.Id);
    }

    [Theory]
    [InlineData("preempted")]
    [InlineData("starting")]
    [InlineData("waitingforstarttask")]
    [InlineData("leavingpool")]
    public async Task A_node_in_any_other_state_is_not_ready(string state)
    {
        var client = new ScriptedClient(Steady(2), Node("a", BatchNodeState.Idle), Node("b", new BatchNodeState(state)));
        var operation = new BatchPoolReadyOperation(client, "busy");

        await operation.UpdateStatusAsync();

        Assert.False(operation.HasCompleted);
    }

    [Fact]
    public async Task The_node_count_must_reach_the_targets()
    {
        var client = new ScriptedClient(Steady(3), Node("a", BatchNodeState.Idle), Node("b", BatchNodeState.Idle));
        var operation = new BatchPoolReadyOperation(client, "short");

        await operation.UpdateStatusAsync();

        Assert.False(operation.HasCompleted);
    }

    [Fact]
    public async Task An_unusable_node_fails_both_with_the_same_code()
    {
        var unusable = new BatchNode
        {
            Id = "b", State = BatchNodeState.Unusable,
            Errors = [new BatchNodeError { Code = "NodeStateUnusable", Message = "The disk failed." }],
        };
        var client = new ScriptedClient(Steady(2), Node("a", BatchNodeState.Idle), unusable);
        var operation = new BatchPoolReadyOperation(client, "broken");

        await operation.UpdateStatusAsync();
        var fromOperation = Assert.Throws<RequestFailedException>(() => operation.Value);
        var fromProvisioner = await Assert.ThrowsAsync<PoolProvisioningException>(() => new PoolProvisioner(client, Fast).WaitUntilReadyAsync("broken"));

        Assert.Equal(BatchPoolWaitErrorCodes.NodeUnusable, fromOperation.ErrorCode);
        Assert.Equal(BatchPoolWaitErrorCodes.NodeUnusable, fromProvisioner.Code);
        Assert.Equal(fromOperation.Message.Split('\n')[0], fromProvisioner.Message);
        Assert.Contains("NodeStateUnusable: The disk failed.", fromProvisioner.Message);
    }

    private static BatchPool Steady(int target) => new()
    {
        Id = "pool", State = BatchPoolState.Active, AllocationState = AllocationState.Steady, TargetDedicatedNodes = target, CurrentDedicatedNodes = target,
    };

    private static BatchNode Node(string id, BatchNodeState state) => new() { Id = id, State = state };

    /// <summary>Answers every read of the pool and its nodes with the same pool and nodes.</summary>
    private sealed class ScriptedClient(BatchPool pool, params BatchNode[] nodes) : BatchClient
    {
        public override Task<Response<BatchPool>> GetPoolAsync(string poolId, IEnumerable<string>? select = null, IEnumerable<string>? expand = null,
            RequestConditions? requestConditions = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Response.FromValue(new BatchPool
            {
                Id = poolId, State = pool.State, AllocationState = pool.AllocationState,
                TargetDedicatedNodes = pool.TargetDedicatedNodes, CurrentDedicatedNodes = pool.CurrentDedicatedNodes,
            }, (Response)new OkResponse()));

        public override AsyncPageable<BatchNode> GetNodesAsync(string poolId, string? filter = null, IEnumerable<string>? select = null, int? maxResults = null,
            CancellationToken cancellationToken = default) =>
            AsyncPageable<BatchNode>.FromPages([Page<BatchNode>.FromValues(nodes, null, new OkResponse())]);
    }

    private sealed class OkResponse : Response
    {
        public override int Status => 200;
        public override string ReasonPhrase => "OK";
        public override Stream? ContentStream { get; set; }
        public override string ClientRequestId { get; set; } = "";
        public override void Dispose() { }
        protected override bool ContainsHeader(string name) => false;
        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];
        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) { value = null; return false; }
        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values) { values = null; return false; }
    }
}
