using ClusterlessHpc.Simulation.Expectations;

namespace ClusterlessHpc.Simulation.Tests.Expectations
{
    /// <summary>
    /// The build's check of one declared expectation: met, exceeded (makespan, cost, not finished) and not checked (a
    /// workload file that cannot be read or is not valid, a kind of node without a price), each saying why.
    /// </summary>
    public sealed class ExpectationCheckTests : IDisposable
    {
        private readonly string _project = Directory.CreateTempSubdirectory("chpc-expect-").FullName;

        private static PoolDefinition Pool(string formula) =>
            new() { Id = "burst", VmSize = "Standard_E4s_v3", AutoScale = new AutoScaleDefinition(formula) { EvaluationIntervalMinutes = 5 } };

        /// <summary>One node for 30 ten-minute tasks: 4 minutes of boot, then 300 minutes of tasks one after another.</summary>
        [Fact]
        public void A_makespan_over_the_bound_is_exceeded_and_says_both_and_the_cost_within_its_bound()
        {
            var expectation = new SimulationExpectation("burst:30", "burst:30") { MaxMakespan = TimeSpan.FromHours(1), MaxCostUsd = 25m, PricePerNodeHour = 0.25m };
            var outcome = ExpectationCheck.Run(Pool("$TargetDedicatedNodes = 1;"), expectation, _project);

            Assert.Equal(ExpectationVerdict.Exceeded, outcome.Verdict);
            Assert.StartsWith("simulated makespan 05:04:00 exceeds the expected 01:00:00 (30 tasks of burst:30 over 1.00:00:00, 24 node-hours; cost 6.00 USD ≤ 25.00 USD)", outcome.Detail);
        }

        /// <summary>Ten nodes kept all day at 0.50 USD an hour: 240 node-hours, 120 USD, whatever the makespan.</summary>
        [Fact]
        public void A_cost_over_the_bound_is_exceeded()
        {
            var expectation = new SimulationExpectation("day", "burst:10") { MaxMakespan = TimeSpan.FromHours(1), MaxCostUsd = 25m, PricePerNodeHour = 0.5m };
            var outcome = ExpectationCheck.Run(Pool("$TargetDedicatedNodes = 10;"), expectation, _project);

            Assert.Equal(ExpectationVerdict.Exceeded, outcome.Verdict);
            Assert.Equal("simulated cost 120.00 USD exceeds the expected 25.00 USD (10 tasks of burst:10 over 1.00:00:00, 240 node-hours; makespan 00:14:00 ≤ 01:00:00)", outcome.Detail);
        }

        [Fact]
        public void A_workload_that_does_not_finish_within_the_duration_exceeds_its_makespan_bound()
        {
            var expectation = new SimulationExpectation("never", "burst:5") { MaxMakespan = TimeSpan.FromHours(1), Duration = TimeSpan.FromHours(2) };
            var outcome = ExpectationCheck.Run(Pool("$TargetDedicatedNodes = 0;"), expectation, _project);

            Assert.Equal(ExpectationVerdict.Exceeded, outcome.Verdict);
            Assert.StartsWith("simulated makespan not finished within 02:00:00 (0 of 5 tasks done) exceeds the expected 01:00:00", outcome.Detail);
        }

        [Fact]
        public void Bounds_the_simulation_stays_within_are_met()
        {
            var expectation = new SimulationExpectation("small", "burst:3") { MaxMakespan = TimeSpan.FromHours(1), MaxCostUsd = 10m, PricePerNodeHour = 0.25m };
            var outcome = ExpectationCheck.Run(Pool("$TargetDedicatedNodes = 1;"), expectation, _project);

            Assert.Equal(ExpectationVerdict.Met, outcome.Verdict);
            Assert.Equal("makespan 00:34:00 ≤ 01:00:00, cost 6.00 USD ≤ 10.00 USD (3 tasks of burst:3 over 1.00:00:00, 24 node-hours)", outcome.Detail);
        }

        [Fact]
        public void A_workload_file_is_read_from_the_project_folder_with_the_expectations_task_duration()
        {
            Directory.CreateDirectory(Path.Combine(_project, "workloads"));
            File.WriteAllText(Path.Combine(_project, "workloads", "w.csv"), "minute,count\n0,2\n");
            var expectation = new SimulationExpectation("file", "workloads/w.csv") { MaxMakespan = TimeSpan.FromMinutes(30), TaskDuration = TimeSpan.FromMinutes(20) };
            var outcome = ExpectationCheck.Run(Pool("$TargetDedicatedNodes = 1;"), expectation, _project);

            Assert.Equal(ExpectationVerdict.Exceeded, outcome.Verdict);
            Assert.StartsWith("simulated makespan 00:44:00 exceeds the expected 00:30:00 (2 tasks of workloads/w.csv", outcome.Detail);
        }

        [Fact]
        public void A_workload_file_that_is_not_valid_is_not_checked_and_its_line_and_value_are_named()
        {
            Directory.CreateDirectory(Path.Combine(_project, "workloads"));
            var file = Path.Combine(_project, "workloads", "bad.csv");
            File.WriteAllText(file, "arrival_s,duration_s\n0,600\n-5,600\n");
            var outcome = ExpectationCheck.Run(Pool("$TargetDedicatedNodes = 1;"), new SimulationExpectation("bad", "workloads/bad.csv") { MaxMakespan = TimeSpan.FromHours(1) }, _project);

            Assert.Equal(ExpectationVerdict.NotChecked, outcome.Verdict);
            Assert.StartsWith($"the workload cannot be used: {file}(3): arrival_s '-5'", outcome.Detail);
        }

        [Fact]
        public void A_missing_workload_file_is_not_checked()
        {
            var outcome = ExpectationCheck.Run(Pool("$TargetDedicatedNodes = 1;"), new SimulationExpectation("gone", "workloads/gone.json") { MaxMakespan = TimeSpan.FromHours(1) }, _project);

            Assert.Equal(ExpectationVerdict.NotChecked, outcome.Verdict);
            Assert.Contains("gone.json: cannot be read", outcome.Detail);
        }

        [Fact]
        public void A_cost_bound_on_low_priority_nodes_without_their_price_is_not_checked()
        {
            var expectation = new SimulationExpectation("spot", "burst:5") { MaxCostUsd = 5m, PricePerNodeHour = 0.25m };
            var outcome = ExpectationCheck.Run(Pool("$TargetLowPriorityNodes = 2;"), expectation, _project);

            Assert.Equal(ExpectationVerdict.NotChecked, outcome.Verdict);
            Assert.StartsWith("no cost can be worked out: the formula used 48 low-priority node-hours and the expectation gives no SpotPricePerNodeHour", outcome.Detail);
        }

        public void Dispose() => Directory.Delete(_project, recursive: true);
    }
}
