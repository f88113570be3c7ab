using System.Text.Json.Nodes;
using ClusterlessHpc.Emulator.Tests.Support;
using static ClusterlessHpc.Emulator.Tests.Support.ManualClockEmulatorFixture;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>The state file keeps jobs and tasks: an emulator restarted mid-run carries on with them.</summary>
    public sealed class JobDurabilityTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("chpc-jobstate-").FullName;
        private readonly ManualClock _clock = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

        private string StateFile => Path.Combine(_folder, "emulator.json");

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public async Task An_emulator_restarted_mid_run_continues_its_jobs_and_tasks()
        {
            var pool = TestPools.UniqueId("durable-jobs");
            JsonNode before;
            await using (var first = await StartAsync())
            {
                await first.CreateClient().CreatePoolAsync(TestPools.Create(pool, dedicatedNodes: 2), TestContext.Current.CancellationToken);
                _clock.Advance(Creating + Starting + StartTask);
                using var requests = new JsonRequests(first);
                await requests.PostAsync("jobs", JsonRequests.Job("durable", pool, onAllTasksComplete: "terminatejob"));
                await requests.PostAsync("jobs/durable/addtaskcollection", new JsonObject
                {
                    ["value"] = new JsonArray(Enumerable.Range(0, 6).Select(i => (JsonNode)JsonRequests.Task("t" + i, duration: "1m")).ToArray()),
                });
                _clock.Advance(TimeSpan.FromSeconds(90));
                before = (await requests.GetAsync("jobs/durable/taskcounts")).Body!;
            }

            await using var second = await StartAsync();
            using var restarted = new JsonRequests(second);
            var after = (await restarted.GetAsync("jobs/durable/taskcounts")).Body!;
            var running = (await restarted.GetAsync("jobs/durable/tasks?$filter=state eq 'running'&$select=id")).Body!["value"]!.AsArray();
            _clock.Advance(TimeSpan.FromMinutes(2));
            var done = (await restarted.GetAsync("jobs/durable/taskcounts")).Body!;
            var job = (await restarted.GetAsync("jobs/durable")).Body!;

            Assert.Equal((2, 2, 2), (before["taskCounts"]!["active"]!.GetValue<int>(), before["taskCounts"]!["running"]!.GetValue<int>(), before["taskCounts"]!["completed"]!.GetValue<int>()));
            // The counts, not odata.metadata: that names each emulator's own address.
            Assert.Equal(before["taskCounts"]!.ToJsonString(), after["taskCounts"]!.ToJsonString());
            Assert.Equal(before["taskSlotCounts"]!.ToJsonString(), after["taskSlotCounts"]!.ToJsonString());
            Assert.Equal(["t2", "t3"], running.Select(t => t!["id"]!.GetValue<string>()).Order());
            Assert.Equal((6, 6), (done["taskCounts"]!["completed"]!.GetValue<int>(), done["taskCounts"]!["succeeded"]!.GetValue<int>()));
            Assert.Equal(("completed", "AllTasksComplete"), (job["state"]!.GetValue<string>(), job["executionInfo"]!["terminateReason"]!.GetValue<string>()));
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
