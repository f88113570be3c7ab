using Azure;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>Node states and pool deletion on a clock the tests advance by hand.</summary>
    public sealed class NodeLifecycleTests : IClassFixture<ManualClockEmulatorFixture>
    {
        private readonly ManualClockEmulatorFixture _fixture;

        public NodeLifecycleTests(ManualClockEmulatorFixture fixture) => _fixture = fixture;

        private static System.Threading.CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task Nodes_walk_creating_starting_waitingforstarttask_idle()
        {
            var id = TestPools.UniqueId("walk");
            var created = _fixture.Clock.GetUtcNow();
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 2, TestPools.CommandLine("/bin/bash -c 'echo hello'")), Cancel);

            var creating = await TestPools.NodesAsync(_fixture.Client, id, Cancel);
            var resizing = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;
            _fixture.Clock.Advance(Creating);
            var starting = await TestPools.NodesAsync(_fixture.Client, id, Cancel);
            var steady = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;
            _fixture.Clock.Advance(Starting);
            var waiting = await TestPools.NodesAsync(_fixture.Client, id, Cancel);
            _fixture.Clock.Advance(StartTask);
            var idle = await TestPools.WaitForNodesAsync(_fixture.Client, id, n => n.State == BatchNodeState.Idle, Cancel);

            Assert.Equal(2, creating.Count);
            Assert.All(creating, n => Assert.Equal(BatchNodeState.Creating, n.State));
            Assert.All(creating, n => Assert.Null(n.StartTaskInfo));
            Assert.Equal(AllocationState.Resizing, resizing.AllocationState);
            Assert.All(starting, n => Assert.Equal(BatchNodeState.Starting, n.State));
            Assert.Equal(AllocationState.Steady, steady.AllocationState);
            Assert.Equal(created + Creating, steady.AllocationStateTransitionTime);
            Assert.All(waiting, n => Assert.Equal(BatchNodeState.WaitingForStartTask, n.State));
            Assert.All(waiting, n => Assert.Equal(BatchStartTaskState.Running, n.StartTaskInfo!.State));
            Assert.All(idle, n =>
            {
                Assert.Equal(BatchStartTaskState.Completed, n.StartTaskInfo!.State);
                Assert.Equal(0, n.StartTaskInfo.ExitCode);
                Assert.Equal(BatchTaskExecutionResult.Success, n.StartTaskInfo.Result);
                Assert.Null(n.StartTaskInfo.FailureInfo);
                Assert.Equal(created + Creating + Starting, n.StartTaskInfo.StartTime);
                Assert.Equal(created + Creating + Starting + StartTask, n.StartTaskInfo.EndTime);
                Assert.Equal(n.StartTaskInfo.EndTime, n.StateTransitionTime);
                Assert.Equal(created + Creating, n.LastBootTime);
                Assert.Equal(created, n.AllocationTime);
            });
        }

        [Fact]
        public async Task Nodes_look_like_the_services_nodes()
        {
            var id = TestPools.UniqueId("shape");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 3, TestPools.CommandLine("/bin/bash -c 'true'")), Cancel);

            var nodes = await TestPools.NodesAsync(_fixture.Client, id, Cancel);

            Assert.Equal(3, nodes.Count);
            Assert.Equal(3, nodes.Select(n => n.Id).Distinct().Count());
            Assert.Equal(3, nodes.Select(n => n.IpAddress).Distinct().Count());
            Assert.All(nodes, n =>
            {
                Assert.Matches(@"^tvm-\d{10}_[1-3]-\d{8}t\d{6}z$", n.Id);
                Assert.Matches(@"^10\.0\.\d+\.\d+$", n.IpAddress);
                Assert.True(n.IsDedicated);
                Assert.Equal("standard_d2s_v3", n.VmSize);
                Assert.Equal("/bin/bash -c 'true'", n.StartTask!.CommandLine);
                Assert.EndsWith($"/pools/{id}/nodes/{n.Id}", n.Url, StringComparison.Ordinal);
            });
        }

        [Fact]
        public async Task Low_priority_nodes_are_not_dedicated()
        {
            var id = TestPools.UniqueId("spot");
            var spec = TestPools.Create(id, dedicatedNodes: 1);
            spec.TargetLowPriorityNodes = 2;
            await _fixture.Client.CreatePoolAsync(spec, Cancel);

            var nodes = await TestPools.NodesAsync(_fixture.Client, id, Cancel);
            var pool = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;

            Assert.Equal(1, nodes.Count(n => n.IsDedicated == true));
            Assert.Equal(2, nodes.Count(n => n.IsDedicated == false));
            Assert.Equal(1, pool.CurrentDedicatedNodes);
            Assert.Equal(2, pool.CurrentLowPriorityNodes);
        }

        [Fact]
        public async Task Without_a_start_task_nodes_go_from_starting_straight_to_idle()
        {
            var id = TestPools.UniqueId("nost");
            var created = _fixture.Clock.GetUtcNow();
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1), Cancel);

            _fixture.Clock.Advance(Creating);
            var starting = Assert.Single(await TestPools.NodesAsync(_fixture.Client, id, Cancel));
            _fixture.Clock.Advance(Starting);
            var idle = Assert.Single(await TestPools.NodesAsync(_fixture.Client, id, Cancel));

            Assert.Equal(BatchNodeState.Starting, starting.State);
            Assert.Equal(BatchNodeState.Idle, idle.State);
            Assert.Equal(created + Creating + Starting, idle.StateTransitionTime);
            Assert.Null(idle.StartTaskInfo);
        }

        [Fact]
        public async Task A_pool_with_no_nodes_is_steady_at_once()
        {
            var id = TestPools.UniqueId("empty");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel);

            var pool = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;
            var nodes = await TestPools.NodesAsync(_fixture.Client, id, Cancel);

            Assert.Equal(AllocationState.Steady, pool.AllocationState);
            Assert.Empty(nodes);
        }

        [Fact]
        public async Task A_deleted_pool_is_deleting_then_gone()
        {
            var id = TestPools.UniqueId("del");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1), Cancel);
            var before = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;

            var deleted = await _fixture.Client.DeletePoolAsync(id, Cancel);
            var deleting = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;
            var leaving = Assert.Single(await TestPools.NodesAsync(_fixture.Client, id, Cancel));
            var again = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.DeletePoolAsync(id, Cancel));
            var recreate = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.CreatePoolAsync(TestPools.Create(id), Cancel));
            _fixture.Clock.Advance(Deleting);
            var gone = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.GetPoolAsync(id, Cancel));
            var goneNodes = await Assert.ThrowsAsync<RequestFailedException>(() => TestPools.NodesAsync(_fixture.Client, id, Cancel));

            Assert.Equal(202, deleted.Status);
            Assert.Equal(BatchPoolState.Deleting, deleting.State);
            Assert.NotEqual(before.ETag, deleting.ETag);
            Assert.Equal(BatchNodeState.LeavingPool, leaving.State);
            Assert.Equal(409, again.Status);
            Assert.Equal("PoolBeingDeleted", again.ErrorCode);
            Assert.Equal("PoolBeingDeleted", recreate.ErrorCode);
            Assert.Equal(404, gone.Status);
            Assert.Equal("PoolNotFound", gone.ErrorCode);
            Assert.Equal("PoolNotFound", goneNodes.ErrorCode);
        }

        [Fact]
        public async Task Deleting_a_missing_pool_fails_with_PoolNotFound()
        {
            var error = await Assert.ThrowsAsync<RequestFailedException>(() => _fixture.Client.DeletePoolAsync(TestPools.UniqueId("nope"), Cancel));

            Assert.Equal(404, error.Status);
            Assert.Equal("PoolNotFound", error.ErrorCode);
        }
    }
}
