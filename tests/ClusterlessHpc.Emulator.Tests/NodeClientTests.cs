using Azure;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>Node list, get, reboot and reimage, and start-task retries, through the real client on a test clock.</summary>
    public sealed class NodeClientTests : IClassFixture<ResizeEmulatorFixture>
    {
        private static readonly TimeSpan Rebooting = TimeSpan.FromMilliseconds(300);

        private readonly ResizeEmulatorFixture _fixture;

        public NodeClientTests(ResizeEmulatorFixture fixture) => _fixture = fixture;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private BatchClient Client => _fixture.Client;

        [Fact]
        public async Task List_filters_on_state_and_selects_properties()
        {
            var id = await CreateIdleAsync("filter", nodes: 2);
            await Client.ResizePoolAsync(id, new BatchPoolResizeOptions { TargetDedicatedNodes = 3 }, cancellationToken: Cancel);

            var idle = await ListAsync(id, filter: "state eq 'idle'", select: ["id", "state"]);
            var creating = await ListAsync(id, filter: "state eq 'creating' and isDedicated eq true");

            Assert.Equal(2, idle.Count);
            Assert.All(idle, n => Assert.Equal(BatchNodeState.Idle, n.State));
            Assert.All(idle, n => Assert.Null(n.VmSize));
            Assert.Single(creating);
        }

        [Fact]
        public async Task List_pages_with_maxresults()
        {
            var id = await CreateIdleAsync("paging", nodes: 5);

            var pages = new List<int>();
            await foreach (var page in Client.GetNodesAsync(id, maxResults: 2, cancellationToken: Cancel).AsPages()) pages.Add(page.Values.Count);

            Assert.Equal([2, 2, 1], pages);
        }

        [Fact]
        public async Task Get_selects_properties_and_a_missing_node_is_NodeNotFound()
        {
            var id = await CreateIdleAsync("get", nodes: 1);
            var nodeId = (await ListAsync(id)).Single().Id!;

            var node = (await Client.GetNodeAsync(id, nodeId, select: ["id", "ipAddress"], cancellationToken: Cancel)).Value;
            var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client.GetNodeAsync(id, "tvm-1_9-20250301t120000z", cancellationToken: Cancel));

            Assert.Equal(nodeId, node.Id);
            Assert.StartsWith("10.0.", node.IpAddress, StringComparison.Ordinal);
            Assert.Null(node.State);
            Assert.Equal((404, "NodeNotFound"), (error.Status, error.ErrorCode));
        }

        [Fact]
        public async Task Reboot_restarts_an_idle_node_which_runs_the_pools_current_start_task_again()
        {
            var id = await CreateIdleAsync("reboot", nodes: 1, TestPools.CommandLine("/bin/true"));
            var nodeId = (await ListAsync(id)).Single().Id!;
            var before = (await Client.GetNodeAsync(id, nodeId, cancellationToken: Cancel)).Value;
            await Client.UpdatePoolAsync(id, new BatchPoolUpdateOptions { StartTask = TestPools.CommandLine("/bin/true again") }, cancellationToken: Cancel);

            var response = await Client.RebootNodeAsync(id, nodeId, new BatchNodeRebootOptions { NodeRebootKind = BatchNodeRebootKind.TaskCompletion }, Cancel);
            var rebooting = (await Client.GetNodeAsync(id, nodeId, cancellationToken: Cancel)).Value;
            _fixture.Clock.Advance(Rebooting);
            var waiting = (await Client.GetNodeAsync(id, nodeId, cancellationToken: Cancel)).Value;
            _fixture.Clock.Advance(StartTask);
            var idle = (await Client.GetNodeAsync(id, nodeId, cancellationToken: Cancel)).Value;

            Assert.Equal(202, response.Status);
            Assert.Equal(BatchNodeState.Rebooting, rebooting.State);
            Assert.Equal(BatchNodeState.WaitingForStartTask, waiting.State);
            Assert.Equal("/bin/true again", waiting.StartTask!.CommandLine);
            Assert.Equal(BatchNodeState.Idle, idle.State);
            Assert.True(idle.LastBootTime > before.LastBootTime);
            Assert.True(idle.StartTaskInfo!.StartTime > before.StartTaskInfo!.StartTime);
        }

        [Fact]
        public async Task Reimage_restarts_an_idle_node_on_a_fresh_disk()
        {
            var id = await CreateIdleAsync("reimage", nodes: 1);
            var nodeId = (await ListAsync(id)).Single().Id!;

            var response = await Client.ReimageNodeAsync(id, nodeId, new BatchNodeReimageOptions { NodeReimageOption = BatchNodeReimageOption.Requeue }, Cancel);
            var reimaging = (await Client.GetNodeAsync(id, nodeId, cancellationToken: Cancel)).Value;
            _fixture.Clock.Advance(TimeSpan.FromMilliseconds(500));
            var idle = (await Client.GetNodeAsync(id, nodeId, cancellationToken: Cancel)).Value;

            Assert.Equal(202, response.Status);
            Assert.Equal(BatchNodeState.Reimaging, reimaging.State);
            Assert.Equal(BatchNodeState.Idle, idle.State);
        }

        [Fact]
        public async Task Reboot_and_reimage_refuse_nodes_that_are_not_idle_with_the_service_codes()
        {
            var id = TestPools.UniqueId("refuse");
            await Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, TestPools.CommandLine("/bin/true")), Cancel);
            var nodeId = (await ListAsync(id)).Single().Id!;

            var creating = await RefusedAsync(() => Client.RebootNodeAsync(id, nodeId, cancellationToken: Cancel));
            _fixture.Clock.Advance(Creating);
            var starting = await RefusedAsync(() => Client.ReimageNodeAsync(id, nodeId, cancellationToken: Cancel));
            _fixture.Clock.Advance(Starting);
            var waiting = await RefusedAsync(() => Client.RebootNodeAsync(id, nodeId, cancellationToken: Cancel));
            _fixture.Clock.Advance(StartTask);
            await Client.RebootNodeAsync(id, nodeId, cancellationToken: Cancel);
            var rebooting = await RefusedAsync(() => Client.ReimageNodeAsync(id, nodeId, cancellationToken: Cancel));

            Assert.Equal(["NodeBeingCreated", "NodeBeingStarted", "NodeBeingStarted", "NodeBeingRebooted"], new[] { creating, starting, waiting, rebooting });
        }

        [Fact]
        public async Task A_failing_start_task_is_retried_maxTaskRetryCount_times_then_the_node_is_starttaskfailed()
        {
            var id = TestPools.UniqueId(SeamPoolPrefix + "retry");
            var startTask = TestPools.CommandLine("/bin/false");
            startTask.MaxTaskRetryCount = 2;
            await Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, startTask), Cancel);

            _fixture.Clock.Advance(Creating + Starting + StartTask);
            var afterFirst = (await ListAsync(id)).Single();
            _fixture.Clock.Advance(StartTask + StartTask);
            var failed = (await ListAsync(id)).Single();

            Assert.Equal(BatchNodeState.WaitingForStartTask, afterFirst.State);
            Assert.Equal(1, afterFirst.StartTaskInfo!.RetryCount);
            Assert.Equal(BatchNodeState.StartTaskFailed, failed.State);
            var info = failed.StartTaskInfo!;
            Assert.Equal((2, SeamExitCode, "FailureExitCode"), (info.RetryCount, info.ExitCode!.Value, info.FailureInfo!.Code));
            Assert.Equal(BatchErrorSourceCategory.UserError, info.FailureInfo.Category);
            Assert.Equal(info.StartTime, info.LastRetryTime);
            Assert.Equal("OperationInvalidForCurrentState", await RefusedAsync(() => Client.RebootNodeAsync(id, failed.Id!, cancellationToken: Cancel)));
        }

        [Fact]
        public async Task Unlimited_retries_keep_the_node_waiting_for_its_start_task()
        {
            var id = TestPools.UniqueId(SeamPoolPrefix + "forever");
            var startTask = TestPools.CommandLine("/bin/false");
            startTask.MaxTaskRetryCount = -1;
            await Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, startTask), Cancel);

            _fixture.Clock.Advance(Creating + Starting + StartTask * 10);
            var node = (await ListAsync(id)).Single();

            Assert.Equal(BatchNodeState.WaitingForStartTask, node.State);
            Assert.Equal(10, node.StartTaskInfo!.RetryCount);
            Assert.Equal(BatchStartTaskState.Running, node.StartTaskInfo.State);
        }

        private static async Task<string?> RefusedAsync(Func<Task> call) =>
            (await Assert.ThrowsAsync<RequestFailedException>(call)) is { Status: 409 } error ? error.ErrorCode : "not 409";

        private async Task<string> CreateIdleAsync(string prefix, int nodes, BatchStartTask? startTask = null)
        {
            var id = TestPools.UniqueId(prefix);
            await Client.CreatePoolAsync(TestPools.Create(id, nodes, startTask), Cancel);
            _fixture.Clock.Advance(Creating + Starting + StartTask);
            Assert.All(await ListAsync(id), n => Assert.Equal(BatchNodeState.Idle, n.State));
            return id;
        }

        private async Task<List<BatchNode>> ListAsync(string id, string? filter = null, IEnumerable<string>? select = null)
        {
            var nodes = new List<BatchNode>();
            await foreach (var node in Client.GetNodesAsync(id, filter, select, cancellationToken: Cancel)) nodes.Add(node);
            return nodes;
        }
    }
}
