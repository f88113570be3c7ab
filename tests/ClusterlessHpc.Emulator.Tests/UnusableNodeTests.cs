using Azure;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>
    /// <see cref="BatchEmulatorOptions.UnusableNodes"/>: the nodes of a named pool boot and go unusable with the error the
    /// option names, count as unusable, run nothing, refuse reboot and reimage, and leave when removed.
    /// </summary>
    public sealed class UnusableNodeTests
    {
        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private static async Task<BatchEmulator> StartAsync(ManualClock clock, string poolId, string code)
        {
            var options = new BatchEmulatorOptions { TimeProvider = clock, NodeCreatingDelay = Creating, NodeStartingDelay = Starting, StartTaskDelay = StartTask };
            options.UnusableNodes[poolId] = code;
            return await BatchEmulator.StartAsync(options, Cancel);
        }

        [Fact]
        public async Task Nodes_of_the_named_pool_boot_unusable_with_the_error_and_other_pools_boot_as_usual()
        {
            var clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
            await using var emulator = await StartAsync(clock, "Broken", "ContainerInvalidImage");
            var client = emulator.CreateClient();
            await client.CreatePoolAsync(TestPools.Create("broken", dedicatedNodes: 2, TestPools.CommandLine("/bin/true")), Cancel);
            await client.CreatePoolAsync(TestPools.Create("healthy", dedicatedNodes: 1, TestPools.CommandLine("/bin/true")), Cancel);

            clock.Advance(Creating);
            var starting = await TestPools.NodesAsync(client, "broken", Cancel);
            clock.Advance(Starting + StartTask);
            var broken = await TestPools.NodesAsync(client, "broken", Cancel);
            var healthy = await TestPools.NodesAsync(client, "healthy", Cancel);
            var pool = (await client.GetPoolAsync("broken", cancellationToken: Cancel)).Value;

            // Unusable after booting, not before: the nodes were starting first, and their start task never ran.
            Assert.All(starting, n => Assert.Equal(BatchNodeState.Starting, n.State));
            Assert.All(broken, n =>
            {
                Assert.Equal(BatchNodeState.Unusable, n.State);
                Assert.Null(n.StartTaskInfo);
                var error = Assert.Single(n.Errors!);
                Assert.Equal("ContainerInvalidImage", error.Code);
                Assert.Equal("A container image of the pool could not be downloaded to the node.", error.Message);
            });
            Assert.Equal(AllocationState.Steady, pool.AllocationState);
            Assert.Equal(2, pool.CurrentDedicatedNodes);
            Assert.Equal(BatchNodeState.Idle, Assert.Single(healthy).State);
            Assert.Null(healthy[0].Errors);
        }

        [Fact]
        public async Task Unusable_nodes_are_counted_as_unusable_and_never_run_tasks()
        {
            var clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
            await using var emulator = await StartAsync(clock, "counted", "ApplicationPackageError");
            using var requests = new JsonRequests(emulator);
            var client = emulator.CreateClient();
            await client.CreatePoolAsync(TestPools.Create("counted", dedicatedNodes: 2), Cancel);
            clock.Advance(Creating + Starting);
            await requests.PostAsync("jobs", JsonRequests.Job("stuck", "counted"));
            await requests.PostAsync("jobs/stuck/tasks", JsonRequests.Task("t1", duration: "1s"));

            clock.Advance(TimeSpan.FromMinutes(5));
            var counts = await client.GetPoolNodeCountsAsync("poolId eq 'counted'", cancellationToken: Cancel).ToListAsync(Cancel);
            var task = (await requests.GetAsync("jobs/stuck/tasks/t1")).Body!;

            var dedicated = Assert.Single(counts).Dedicated!;
            Assert.Equal((2, 2, 0), (dedicated.Unusable, dedicated.Total, dedicated.Idle));
            Assert.Equal("active", task["state"]!.GetValue<string>());
            Assert.Null(task["nodeInfo"]);
        }

        [Fact]
        public async Task An_unusable_node_refuses_reboot_and_reimage_and_leaves_when_removed()
        {
            var clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
            await using var emulator = await StartAsync(clock, "stays", "ApplicationPackageError");
            var client = emulator.CreateClient();
            await client.CreatePoolAsync(TestPools.Create("stays", dedicatedNodes: 1), Cancel);
            clock.Advance(Creating + Starting);
            var node = Assert.Single(await TestPools.NodesAsync(client, "stays", Cancel));

            var reboot = await Assert.ThrowsAsync<RequestFailedException>(() => client.RebootNodeAsync("stays", node.Id!, cancellationToken: Cancel));
            var reimage = await Assert.ThrowsAsync<RequestFailedException>(() => client.ReimageNodeAsync("stays", node.Id!, cancellationToken: Cancel));
            clock.Advance(TimeSpan.FromHours(1));
            var later = Assert.Single(await TestPools.NodesAsync(client, "stays", Cancel));
            await client.RemoveNodesAsync("stays", new BatchNodeRemoveOptions { NodeList = [node.Id!] }, cancellationToken: Cancel);
            clock.Advance(TimeSpan.FromSeconds(5));
            var left = await TestPools.NodesAsync(client, "stays", Cancel);

            Assert.Equal((409, "NodeStateUnusable"), (reboot.Status, reboot.ErrorCode));
            Assert.Equal((409, "NodeStateUnusable"), (reimage.Status, reimage.ErrorCode));
            Assert.Equal((node.Id, BatchNodeState.Unusable), (later.Id, later.State));
            Assert.Empty(left);
        }

        [Fact]
        public async Task A_preempted_spot_node_of_the_pool_comes_back_unusable()
        {
            var clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
            var options = new BatchEmulatorOptions
            {
                TimeProvider = clock, NodeCreatingDelay = Creating, NodeStartingDelay = Starting,
                SpotPreemptionRate = 12, SpotPreemptionSeed = 42, SpotRecoveryDelay = TimeSpan.FromMinutes(1),
            };
            options.UnusableNodes["spotty"] = "ContainerInvalidImage";
            await using var emulator = await BatchEmulator.StartAsync(options, Cancel);
            var client = emulator.CreateClient();
            var pool = TestPools.Create("spotty");
            pool.TargetLowPriorityNodes = 1;
            await client.CreatePoolAsync(pool, Cancel);

            var seen = new List<BatchNode>();
            for (var minute = 0; minute < 240; minute++)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                seen.Add(Assert.Single(await TestPools.NodesAsync(client, "spotty", Cancel)));
            }
            var firstPreempted = seen.FindIndex(n => n.State == BatchNodeState.Preempted);

            Assert.True(firstPreempted > 0, "the node was never preempted");
            Assert.Contains(seen.Skip(firstPreempted), n => n.State == BatchNodeState.Unusable);
            Assert.All(seen.Where(n => n.State == BatchNodeState.Unusable), n => Assert.Equal("ContainerInvalidImage", Assert.Single(n.Errors!).Code));
            Assert.All(seen.Where(n => n.State == BatchNodeState.Preempted), n => Assert.Null(n.Errors));
        }

        [Fact]
        public async Task An_unusable_node_keeps_its_state_and_errors_across_a_restart()
        {
            var folder = Directory.CreateTempSubdirectory("chpc-unusable-").FullName;
            try
            {
                var clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
                var stateFile = Path.Combine(folder, "emulator.json");
                var options = new BatchEmulatorOptions { TimeProvider = clock, NodeCreatingDelay = Creating, NodeStartingDelay = Starting, StateFile = stateFile };
                options.UnusableNodes["kept"] = "ApplicationPackageError";
                BatchNode before;
                await using (var first = await BatchEmulator.StartAsync(options, Cancel))
                {
                    var client = first.CreateClient();
                    await client.CreatePoolAsync(TestPools.Create("kept", dedicatedNodes: 1), Cancel);
                    clock.Advance(Creating + Starting);
                    before = Assert.Single(await TestPools.NodesAsync(client, "kept", Cancel));
                }

                // The restarted emulator injects nothing: the node's fault is its own, saved with it.
                await using var second = await BatchEmulator.StartAsync(
                    new BatchEmulatorOptions { TimeProvider = clock, NodeCreatingDelay = Creating, NodeStartingDelay = Starting, StateFile = stateFile }, Cancel);
                clock.Advance(TimeSpan.FromMinutes(10));
                var after = Assert.Single(await TestPools.NodesAsync(second.CreateClient(), "kept", Cancel));

                Assert.Equal(BatchNodeState.Unusable, before.State);
                Assert.Equal((before.Id, BatchNodeState.Unusable), (after.Id, after.State));
                Assert.Equal("ApplicationPackageError", Assert.Single(after.Errors!).Code);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public async Task An_unusable_node_code_the_emulator_does_not_know_is_refused_naming_it()
        {
            var options = new BatchEmulatorOptions();
            options.UnusableNodes["redwood"] = "DiskFull";

            var error = await Assert.ThrowsAsync<ArgumentException>(async () => await BatchEmulator.StartAsync(options, Cancel));

            Assert.Contains("UnusableNodes['redwood'] is 'DiskFull'; use one of ApplicationPackageError, ContainerInvalidImage.", error.Message);
        }
    }
}
