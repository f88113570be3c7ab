using System.Text.Json.Nodes;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>The emulator's spot preemption options: spot nodes go preempted, their tasks are requeued, and every task still completes.</summary>
    public sealed class SpotPreemptionTests
    {
        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public async Task Spot_nodes_are_preempted_at_the_options_rate_and_their_tasks_are_requeued_and_completed()
        {
            var clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                TimeProvider = clock,
                NodeCreatingDelay = Creating,
                NodeStartingDelay = Starting,
                StartTaskDelay = StartTask,
                SpotPreemptionRate = 12,
                SpotPreemptionSeed = 42,
                SpotRecoveryDelay = TimeSpan.FromMinutes(1),
            }, Cancel);
            using var requests = new JsonRequests(emulator);
            var client = emulator.CreateClient();
            var pool = TestPools.Create(TestPools.UniqueId("spot"));
            pool.TargetDedicatedNodes = 0;
            pool.TargetLowPriorityNodes = 4;
            await client.CreatePoolAsync(pool, Cancel);
            clock.Advance(Creating + Starting + StartTask);
            await requests.PostAsync("jobs", JsonRequests.Job("spot-work", pool.Id));
            await requests.PostAsync("jobs/spot-work/addtaskcollection", new JsonObject
            {
                ["value"] = new JsonArray(Enumerable.Range(0, 40).Select(i => (JsonNode)JsonRequests.Task("t" + i, duration: "2m")).ToArray()),
            });

            var preemptedSeen = 0;
            for (var minute = 0; minute < 180; minute++)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                preemptedSeen += (await TestPools.NodesAsync(client, pool.Id, Cancel)).Count(n => n.State == BatchNodeState.Preempted);
            }
            var counts = (await requests.GetAsync("jobs/spot-work/taskcounts")).Body!["taskCounts"]!;
            var requeued = (await requests.GetAsync("jobs/spot-work/tasks?$filter=executionInfo/requeueCount gt 0&$select=id")).Body!["value"]!.AsArray();

            Assert.True(preemptedSeen > 0, "no node was seen preempted");
            Assert.NotEmpty(requeued);
            Assert.Equal((40, 40), (counts["completed"]!.GetValue<int>(), counts["succeeded"]!.GetValue<int>()));
        }
    }
}
