using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Emulator.Tests.Simulation
{
    /// <summary>
    /// The sample docs/autoscale.md gives for a user's own unit tests ("Simulating a formula in your tests"), run as written
    /// on a pool the quickstart declares: with its formula, a burst of 30 five-minute tasks ends within 30 minutes and
    /// costs under $2.
    /// </summary>
    public sealed class DeclaredPoolSimulationTests
    {
        [Fact]
        public void With_the_declared_formula_a_burst_of_30_tasks_finishes_in_under_30_minutes_for_under_2_dollars()
        {
            var workload = SimulationWorkload.Parse("burst:30", taskDuration: TimeSpan.FromMinutes(5));
            var pool = Quickstart.CypressLookbackPool.Definition; // Standard_E4s_v3
            var price = VmPriceTable.Default.Find(pool.VmSize, "westeurope")!; // Linux, pay-as-you-go: $0.32, read 2026-10-02
            var result = new AutoScaleSimulation(pool, workload)
            {
                Duration = TimeSpan.FromHours(2),
                DedicatedPricePerNodeHour = price.UsdPerNodeHour,
            }.Run();

            Assert.True(result.Summary.Finished);
            Assert.True(result.Summary.Makespan < TimeSpan.FromMinutes(30), $"makespan {result.Summary.Makespan}");
            Assert.True(result.Summary.Cost < 2.00m, $"cost ${result.Summary.Cost:F2}");
        }

        /// <summary>
        /// The seed's own formula (30-second windows, which the one-minute sample delay never fills) stays at one node:
        /// the same burst takes 30 × 5 minutes after the first node boots, far past 30 minutes. The sample's bound catches it.
        /// </summary>
        [Fact]
        public void The_seed_formula_that_never_sees_a_sample_misses_the_same_bound()
        {
            var workload = SimulationWorkload.Parse("burst:30", taskDuration: TimeSpan.FromMinutes(5));
            var result = new AutoScaleSimulation(Quickstart.CypressPool.Definition, workload) { Duration = TimeSpan.FromHours(4) }.Run();

            Assert.Equal(TimeSpan.FromMinutes(4 + 30 * 5), result.Summary.Makespan);
            Assert.All(result.Timeline, p => Assert.True(p.TargetDedicatedNodes <= 1));
        }
    }
}
