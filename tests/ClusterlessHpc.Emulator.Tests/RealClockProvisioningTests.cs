using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>The default timings on the real clock: what a quickstart sees.</summary>
    public sealed class RealClockProvisioningTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public RealClockProvisioningTests(EmulatorFixture fixture) => _fixture = fixture;

        private static System.Threading.CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task Two_pools_with_start_tasks_are_idle_within_a_few_seconds()
        {
            var first = TestPools.UniqueId("quick");
            var second = TestPools.UniqueId("quick");
            var watch = Stopwatch.StartNew();

            await _fixture.Client.CreatePoolAsync(TestPools.Create(first, dedicatedNodes: 2, TestPools.Inline("echo first\n")), Cancel);
            await _fixture.Client.CreatePoolAsync(TestPools.Create(second, dedicatedNodes: 1, TestPools.CommandLine("/bin/bash -c 'echo second'")), Cancel);
            var firstNodes = await TestPools.WaitForNodesAsync(_fixture.Client, first, n => n.State == BatchNodeState.Idle, Cancel);
            var secondNodes = await TestPools.WaitForNodesAsync(_fixture.Client, second, n => n.State == BatchNodeState.Idle, Cancel);

            Assert.Equal(2, firstNodes.Count);
            Assert.Single(secondNodes);
            Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
            Assert.Equal(AllocationState.Steady, (await _fixture.Client.GetPoolAsync(first, Cancel)).Value.AllocationState);
        }

        [Fact]
        public async Task A_deleted_pool_disappears_after_the_delete_delay()
        {
            var id = TestPools.UniqueId("realdel");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1), Cancel);

            await _fixture.Client.DeletePoolAsync(id, Cancel);
            // Whether a read still sees it deleting depends on the machine's speed (the manual-clock tests pin that).
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            Azure.RequestFailedException? gone = null;
            while (gone is null && DateTime.UtcNow < deadline)
            {
                try
                {
                    var pool = (await _fixture.Client.GetPoolAsync(id, Cancel)).Value;
                    Assert.Equal(BatchPoolState.Deleting, pool.State);
                    await Task.Delay(50, Cancel);
                }
                catch (Azure.RequestFailedException e)
                {
                    gone = e;
                }
            }

            Assert.NotNull(gone);
            Assert.Equal(404, gone.Status);
            Assert.Equal("PoolNotFound", gone.ErrorCode);
        }

        [Fact]
        public async Task A_single_node_can_be_read_and_a_missing_one_is_NodeNotFound()
        {
            var id = TestPools.UniqueId("onenode");
            await _fixture.Client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1), Cancel);
            var listed = Assert.Single(await TestPools.NodesAsync(_fixture.Client, id, Cancel));
            using var http = new HttpClient();

            using var found = await SignedRequests.SendAsync(
                http, _fixture.Emulator, HttpMethod.Get, $"pools/{id}/nodes/{listed.Id}?api-version=2024-07-01.20.0", Cancel);
            using var missing = await SignedRequests.SendAsync(
                http, _fixture.Emulator, HttpMethod.Get, $"pools/{id}/nodes/tvm-0000000000_9-20250101t000000z?api-version=2024-07-01.20.0", Cancel);
            using var node = JsonDocument.Parse(await found.Content.ReadAsStringAsync(Cancel));
            using var error = JsonDocument.Parse(await missing.Content.ReadAsStringAsync(Cancel));

            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.Equal(listed.Id, node.RootElement.GetProperty("id").GetString());
            Assert.Equal("enabled", node.RootElement.GetProperty("schedulingState").GetString());
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("NodeNotFound", error.RootElement.GetProperty("code").GetString());
        }
    }
}
