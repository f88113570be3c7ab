using System.Text.Json;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>The state file: a restarted emulator still has its pools, nodes and their states.</summary>
    public sealed class DurabilityTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("chpc-state-").FullName;
        private readonly ManualClock _clock = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private string StateFile => Path.Combine(_folder, "emulator.json");

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public async Task A_restarted_emulator_has_the_same_pools_nodes_states_and_files()
        {
            var idle = TestPools.UniqueId("durable");
            var failing = TestPools.UniqueId("durable-fail");
            var autoscale = TestPools.UniqueId("durable-as");
            BatchPool poolBefore;
            List<BatchNode> nodesBefore;
            string stderrBefore;
            await using (var first = await StartAsync())
            {
                var client = first.CreateClient();
                await client.CreatePoolAsync(TestPools.Create(idle, dedicatedNodes: 2, TestPools.CommandLine("/bin/true")), Cancel);
                await client.CreatePoolAsync(TestPools.Create(failing, dedicatedNodes: 1, TestPools.CommandLine("/bin/bash -c 'if then'")), Cancel);
                var scaled = TestPools.Create(autoscale);
                scaled.TargetDedicatedNodes = null;
                scaled.EnableAutoScale = true;
                scaled.AutoScaleFormula = "$TargetDedicatedNodes = 1;";
                await client.CreatePoolAsync(scaled, Cancel);
                _clock.Advance(Creating + Starting + StartTask);
                await TestPools.WaitForNodesAsync(client, failing, n => n.State == BatchNodeState.StartTaskFailed, Cancel);
                poolBefore = (await client.GetPoolAsync(idle, Cancel)).Value;
                nodesBefore = await TestPools.NodesAsync(client, idle, Cancel);
                var failedNode = (await TestPools.NodesAsync(client, failing, Cancel)).Single();
                stderrBefore = (await client.GetNodeFileAsync(failing, failedNode.Id!, "startup/stderr.txt", cancellationToken: Cancel)).Value.ToString();
            }

            await using var second = await StartAsync();
            var restarted = second.CreateClient();
            var poolAfter = (await restarted.GetPoolAsync(idle, Cancel)).Value;
            var nodesAfter = await TestPools.NodesAsync(restarted, idle, Cancel);
            var failedAfter = (await TestPools.NodesAsync(restarted, failing, Cancel)).Single();
            var stderrAfter = (await restarted.GetNodeFileAsync(failing, failedAfter.Id!, "startup/stderr.txt", cancellationToken: Cancel)).Value.ToString();
            var scaledAfter = (await restarted.GetPoolAsync(autoscale, Cancel)).Value;

            Assert.Equal((poolBefore.ETag, poolBefore.CreationTime, poolBefore.AllocationState), (poolAfter.ETag, poolAfter.CreationTime, poolAfter.AllocationState));
            Assert.Equal(nodesBefore.Select(n => (n.Id, n.State, n.IpAddress, n.StartTaskInfo!.EndTime)), nodesAfter.Select(n => (n.Id, n.State, n.IpAddress, n.StartTaskInfo!.EndTime)));
            Assert.Equal(BatchNodeState.StartTaskFailed, failedAfter.State);
            Assert.Equal(stderrBefore, stderrAfter);
            Assert.Contains("syntax error", stderrAfter, StringComparison.Ordinal);
            Assert.Equal("$TargetDedicatedNodes=1;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue", scaledAfter.AutoScaleRun!.Results);
            Assert.Equal(1, scaledAfter.CurrentDedicatedNodes);
        }

        [Fact]
        public async Task A_restarted_emulator_carries_on_where_it_stopped()
        {
            var id = TestPools.UniqueId("durable-resume");
            await using (var first = await StartAsync())
            {
                await first.CreateClient().CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1, TestPools.CommandLine("/bin/true")), Cancel);
            }

            await using var second = await StartAsync();
            var client = second.CreateClient();
            var creating = (await TestPools.NodesAsync(client, id, Cancel)).Single();
            _clock.Advance(Creating + Starting + StartTask);
            var idle = (await TestPools.NodesAsync(client, id, Cancel)).Single();
            await client.CreatePoolAsync(TestPools.Create(id + "-2", dedicatedNodes: 1), Cancel);
            var newNode = (await TestPools.NodesAsync(client, id + "-2", Cancel)).Single();

            Assert.Equal(BatchNodeState.Creating, creating.State);
            Assert.Equal(BatchNodeState.Idle, idle.State);
            Assert.NotEqual(idle.IpAddress, newNode.IpAddress);
        }

        [Fact]
        public async Task The_state_file_is_json_readable_only_by_its_owner_and_another_account_cannot_use_it()
        {
            await using (var first = await StartAsync())
            {
                await first.CreateClient().CreatePoolAsync(TestPools.Create(TestPools.UniqueId("durable-file")), Cancel);
            }

            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(StateFile, Cancel));
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                StateFile = StateFile,
                AccountName = "otheraccount",
                AccountKey = Convert.ToBase64String(new byte[64]),
            }));

            Assert.Equal(BatchEmulatorOptions.DevelopmentAccountName, document.RootElement.GetProperty("accountName").GetString());
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StateFile));
            Assert.Contains("otheraccount", error.Message, StringComparison.Ordinal);
        }

        private Task<BatchEmulator> StartAsync() => BatchEmulator.StartAsync(new BatchEmulatorOptions
        {
            StateFile = StateFile,
            TimeProvider = _clock,
            NodeCreatingDelay = Creating,
            NodeStartingDelay = Starting,
            StartTaskDelay = StartTask,
        });
    }
}
