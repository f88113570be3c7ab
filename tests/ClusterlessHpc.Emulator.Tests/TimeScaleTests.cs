using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Simulation;
using ClusterlessHpc.Emulator.Tests.Support;

namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>An accelerated clock: hours of autoscale intervals pass in minutes.</summary>
    public sealed class TimeScaleTests
    {
        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public void A_scaled_clock_runs_that_many_times_faster_from_its_start()
        {
            var real = new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
            var scaled = new ScaledTimeProvider(real, 60);

            real.Advance(TimeSpan.FromSeconds(90));

            Assert.Equal(new DateTimeOffset(2025, 3, 1, 13, 30, 0, TimeSpan.Zero), scaled.GetUtcNow());
        }

        [Fact]
        public async Task An_emulator_with_a_time_scale_moves_its_nodes_along_that_much_faster()
        {
            var real = new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                TimeProvider = real,
                TimeScale = 600,
                NodeCreatingDelay = TimeSpan.FromMinutes(5),
                NodeStartingDelay = TimeSpan.FromMinutes(5),
            });
            var client = emulator.CreateClient();
            var id = TestPools.UniqueId("scaled");
            await client.CreatePoolAsync(TestPools.Create(id, dedicatedNodes: 1), Cancel);

            real.Advance(TimeSpan.FromSeconds(1));
            var idle = (await TestPools.NodesAsync(client, id, Cancel)).Single();

            Assert.Equal(BatchNodeState.Idle, idle.State);
        }
    }
}
