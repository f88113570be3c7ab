using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>A start-task seam, for the resize tests.</summary>
    public sealed class ResizeEmulatorFixture : ConfigurableEmulatorFixture
    {
        protected override void Configure(BatchEmulatorOptions options)
        {
            options.StartTaskExitCode = (poolId, _) => poolId.StartsWith(SeamPoolPrefix, StringComparison.Ordinal) ? SeamExitCode : null;
        }
    }

    /// <summary>Resize, stop resize, remove nodes, quotas and the ready operation, through the real client on a test clock.</summary>
    public sealed class ResizeClientTests : IClassFixture<ResizeEmulatorFixture>
    {
        private static readonly TimeSpan Leaving = TimeSpan.FromMilliseconds(200);

        private readonly ResizeEmulatorFixture _fixture;

        public ResizeClientTests(ResizeEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private BatchClient Client => _fixture.Client;

        [Fact]
        public async Task A_resize_up_is_resizing_until_the_new_nodes_are_created_then_steady_at_the_target()
        {
            var id = await CreateSteadyAsync("grow", nodes: 1);

            var response = await Client.ResizePoolAsync(id, new BatchPoolResizeOptions { TargetDedicatedNodes = 3, TargetLowPriorityNodes = 1 }, cancellationToken: Cancel);
            var resizing = await PoolAsync(id);
            _fixture.Clock.Advance(Creating);
            var steady = await PoolAsync(id);
            var nodes = await TestPools.NodesAsync(Client, id, Cancel);

            Assert.Equal(202, response.Status);
            Assert.Equal(AllocationState.Resizing, resizing.AllocationState);
            Assert.Equal(AllocationState.Steady, steady.AllocationState);
            Assert.Equal((3, 1, 3, 1), (steady.TargetDedicatedNodes, steady.TargetLowPriorityNodes, steady.CurrentDedicatedNodes, steady.CurrentLowPriorityNodes));
            Assert.Equal(4, nodes.Count);
            Assert.Single(nodes, n => n.IsDedicated == false);
            Assert.Null(steady.ResizeErrors);
        }

        [Fact]
        public async Task A_resize_while_resizing_fails_with_PoolBeingResized()
        {
            var id = await CreateAsync("busy", nodes: 1);

            var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
                Client.ResizePoolAsync(id, new BatchPoolResizeOptions { TargetDedicatedNodes = 2 }, cancellationToken: Cancel));

            Assert.Equal(409, error.Status);
            Assert.Equal("PoolBeingResized", error.ErrorCode);
        }

        [Fact]
        public async Task A_resize_with_a_timeout_under_five_minutes_fails_with_InvalidPropertyValue()
        {
            var id = await CreateSteadyAsync("timeout", nodes: 0);

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client.ResizePoolAsync(id,
                new BatchPoolResizeOptions { TargetDedicatedNodes = 1, ResizeTimeout = TimeSpan.FromMinutes(1) }, cancellationToken: Cancel));

            Assert.Equal("InvalidPropertyValue", error.ErrorCode);
            Assert.Equal("resizeTimeout", error.Data["PropertyName"]);
        }

        [Fact]
        public async Task A_resize_down_with_requeue_stops_running_start_tasks_and_the_nodes_leave_after_the_leaving_delay()
        {
            var id = await CreateBootedAsync("requeue");

            await Client.ResizePoolAsync(id, new BatchPoolResizeOptions { TargetDedicatedNodes = 0, NodeDeallocationOption = BatchNodeDeallocationOption.Requeue }, cancellationToken: Cancel);
            var leaving = await TestPools.NodesAsync(Client, id, Cancel);
            _fixture.Clock.Advance(Leaving);
            var gone = await TestPools.NodesAsync(Client, id, Cancel);
            var pool = await PoolAsync(id);

            Assert.All(leaving, n => Assert.Equal(BatchNodeState.LeavingPool, n.State));
            Assert.Empty(gone);
            Assert.Equal(AllocationState.Steady, pool.AllocationState);
        }

        [Fact]
        public async Task A_resize_down_with_taskcompletion_lets_the_running_start_task_finish_before_the_node_leaves()
        {
            var id = await CreateBootedAsync("taskcompletion");

            await Client.ResizePoolAsync(id, new BatchPoolResizeOptions { TargetDedicatedNodes = 0, NodeDeallocationOption = BatchNodeDeallocationOption.TaskCompletion }, cancellationToken: Cancel);
            _fixture.Clock.Advance(Leaving);
            var stillLeaving = await TestPools.NodesAsync(Client, id, Cancel);
            var resizing = await PoolAsync(id);
            _fixture.Clock.Advance(StartTask);
            var gone = await TestPools.NodesAsync(Client, id, Cancel);

            Assert.Equal(2, stillLeaving.Count);
            Assert.All(stillLeaving, n => Assert.Equal(BatchNodeState.LeavingPool, n.State));
            Assert.Equal(AllocationState.Resizing, resizing.AllocationState);
            Assert.Empty(gone);
        }

        [Fact]
        public async Task Stop_resize_goes_stopping_then_steady_with_ResizeStopped_keeping_the_nodes_it_has()
        {
            var id = await CreateAsync("stop", nodes: 3);

            var response = await Client.StopPoolResizeAsync(id, cancellationToken: Cancel);
            var stopping = await PoolAsync(id);
            _fixture.Clock.Advance(Creating);
            var steady = await PoolAsync(id);

            Assert.Equal(202, response.Status);
            Assert.Equal(AllocationState.Stopping, stopping.AllocationState);
            Assert.Equal(AllocationState.Steady, steady.AllocationState);
            Assert.Equal("ResizeStopped", Assert.Single(steady.ResizeErrors!).Code);
            Assert.Equal(3, steady.CurrentDedicatedNodes);
        }

        [Fact]
        public async Task Stop_resize_of_a_steady_pool_fails_with_OperationInvalidForCurrentState()
        {
            var id = await CreateSteadyAsync("stop-steady", nodes: 1);

            var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client.StopPoolResizeAsync(id, cancellationToken: Cancel));

            Assert.Equal(409, error.Status);
            Assert.Equal("OperationInvalidForCurrentState", error.ErrorCode);
        }

        [Fact]
        public async Task Remove_nodes_removes_the_named_nodes_and_lowers_the_target()
        {
            var id = await CreateSteadyAsync("remove", nodes: 3);
            var victim = (await TestPools.NodesAsync(Client, id, Cancel))[1].Id!;

            var response = await Client.RemoveNodesAsync(id, new BatchNodeRemoveOptions { NodeList = [victim] }, cancellationToken: Cancel);
            var resizing = await PoolAsync(id);
            _fixture.Clock.Advance(Leaving);
            var nodes = await TestPools.NodesAsync(Client, id, Cancel);
            var steady = await PoolAsync(id);

            Assert.Equal(202, response.Status);
            Assert.Equal(AllocationState.Resizing, resizing.AllocationState);
            Assert.Equal(2, resizing.TargetDedicatedNodes);
            Assert.Equal(2, nodes.Count);
            Assert.DoesNotContain(nodes, n => n.Id == victim);
            Assert.Equal(AllocationState.Steady, steady.AllocationState);
        }

        [Fact]
        public async Task Remove_nodes_errors_a_resizing_pool_an_unknown_node_and_more_than_100_nodes()
        {
            var steadyPool = await CreateSteadyAsync("remove-bad", nodes: 1);
            var resizingPool = await CreateAsync("remove-busy", nodes: 1);

            var busy = await Assert.ThrowsAsync<RequestFailedException>(() =>
                Client.RemoveNodesAsync(resizingPool, new BatchNodeRemoveOptions { NodeList = ["x"] }, cancellationToken: Cancel));
            var unknown = await Assert.ThrowsAsync<RequestFailedException>(() =>
                Client.RemoveNodesAsync(steadyPool, new BatchNodeRemoveOptions { NodeList = ["tvm-1_1-20250301t120000z"] }, cancellationToken: Cancel));
            var tooMany = await Assert.ThrowsAsync<RequestFailedException>(() =>
                Client.RemoveNodesAsync(steadyPool, new BatchNodeRemoveOptions { NodeList = Enumerable.Range(0, 101).Select(i => "n" + i).ToList() }, cancellationToken: Cancel));

            Assert.Equal("PoolBeingResized", busy.ErrorCode);
            Assert.Equal((404, "NodeNotFound"), (unknown.Status, unknown.ErrorCode));
            Assert.Equal(("InvalidPropertyValue", "nodeList"), (tooMany.ErrorCode, tooMany.Data["PropertyName"]));
        }

        [Fact]
        public async Task The_ready_operation_completes_with_the_pool_once_every_node_is_idle()
        {
            var id = TestPools.UniqueId("ready");

            var operation = await Client.StartCreatePoolAsync(TestPools.Create(id, dedicatedNodes: 2, TestPools.CommandLine("/bin/true")), Cancel);
            await operation.UpdateStatusAsync(Cancel);
            var early = operation.HasCompleted;
            _fixture.Clock.Advance(Creating + Starting + StartTask);
            var pool = (await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(20), Cancel)).Value;

            Assert.False(early);
            Assert.Throws<InvalidOperationException>(() => new BatchPoolReadyOperation(Client, id).Value);
            Assert.Equal(id, pool.Id);
            Assert.Equal(2, operation.Nodes.Count);
            Assert.All(operation.Nodes, n => Assert.Equal(BatchNodeState.Idle, n.State));
        }

        [Fact]
        public async Task The_ready_operation_fails_with_the_start_task_failure_naming_the_node_and_exit_code()
        {
            var id = TestPools.UniqueId(SeamPoolPrefix + "ready");

            var operation = await Client.StartCreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, TestPools.CommandLine("/bin/true")), Cancel);
            _fixture.Clock.Advance(Creating + Starting + StartTask);
            var error = await Assert.ThrowsAsync<RequestFailedException>(async () => await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(20), Cancel));

            Assert.Equal("FailureExitCode", error.ErrorCode);
            Assert.Equal(SeamExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Data["ExitCode"]);
            Assert.StartsWith("tvm-", (string)error.Data["NodeId"]!, StringComparison.Ordinal);
            Assert.True(operation.HasCompleted);
            Assert.Same(error, Assert.Throws<RequestFailedException>(() => operation.Value));
        }

        [Fact]
        public async Task The_resize_operation_completes_when_the_new_nodes_are_idle()
        {
            var id = await CreateSteadyAsync("resize-op", nodes: 0);

            var operation = await Client.StartResizePoolAsync(id, new BatchPoolResizeOptions { TargetDedicatedNodes = 2 }, cancellationToken: Cancel);
            _fixture.Clock.Advance(Creating + Starting);
            var pool = (await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(20), Cancel)).Value;

            Assert.Equal(2, pool.CurrentDedicatedNodes);
        }

        private async Task<string> CreateAsync(string prefix, int nodes, BatchStartTask? startTask = null)
        {
            var id = TestPools.UniqueId(prefix);
            await Client.CreatePoolAsync(TestPools.Create(id, nodes, startTask), Cancel);
            return id;
        }

        private async Task<string> CreateSteadyAsync(string prefix, int nodes)
        {
            var id = await CreateAsync(prefix, nodes);
            _fixture.Clock.Advance(Creating + Starting);
            Assert.Equal(AllocationState.Steady, (await PoolAsync(id)).AllocationState);
            return id;
        }

        /// <summary>Two nodes whose start task has just begun (it runs for the start-task delay).</summary>
        private async Task<string> CreateBootedAsync(string prefix)
        {
            var id = await CreateAsync(prefix, 2, TestPools.CommandLine("/bin/true"));
            _fixture.Clock.Advance(Creating + Starting);
            Assert.All(await TestPools.NodesAsync(Client, id, Cancel), n => Assert.Equal(BatchNodeState.WaitingForStartTask, n.State));
            return id;
        }

        private async Task<BatchPool> PoolAsync(string id) => (await Client.GetPoolAsync(id, Cancel)).Value;
    }
}
