using ClusterlessHpc.Simulation.Expectations;

namespace ClusterlessHpc.Simulation.Tests.Expectations
{
    /// <summary>
    /// The check as the build runs it: every registered expectation of the assembly's pools simulated, each finding written
    /// as a compiler's line at the attribute's place with the severity asked for, a met one only logged, and an assembly
    /// that cannot be loaded reported instead of thrown.
    /// </summary>
    public sealed class ExpectationRunnerTests : IDisposable
    {
        private readonly string _project = Directory.CreateTempSubdirectory("chpc-runner-").FullName;

        [Fact]
        public void Each_exceeded_or_unchecked_expectation_is_a_line_at_its_attribute_and_a_met_one_is_only_logged()
        {
            var pool = new PoolDefinition { Id = "runner-" + Guid.NewGuid().ToString("N")[..8], AutoScale = new AutoScaleDefinition("$TargetDedicatedNodes = 1;") };
            SimulationExpectations.Register(() => pool, () =>
            [
                new SimulationExpectation("slow", "burst:30") { MaxMakespan = TimeSpan.FromHours(1) },
                new SimulationExpectation("quick", "burst:3") { MaxMakespan = TimeSpan.FromHours(1) },
                new SimulationExpectation("file", "workloads/none.csv") { MaxMakespan = TimeSpan.FromHours(1) },
            ]);
            DeclarationSites.Register(() => pool,
                new DeclarationSite("SimulationExpectation[0].Attribute", "Pools/Pools.cs", 12, 2, "[SimulationExpectation(\"burst:30\", ...)]"),
                new DeclarationSite("SimulationExpectation[1].Attribute", "Pools/Pools.cs", 13, 2, "[SimulationExpectation(\"burst:3\", ...)]"),
                new DeclarationSite("SimulationExpectation[2].Attribute", "Pools/Pools.cs", 14, 2, "[SimulationExpectation(\"workloads/none.csv\", ...)]"));
            var log = new StringWriter();

            var lines = ExpectationRunner.Check([pool], _project, "error", log);

            var file = Path.Combine(_project, "Pools", "Pools.cs");
            Assert.Equal(2, lines.Count);
            Assert.StartsWith($"{file}(12,2): error CHPC1056: Pool '{pool.Id}', expectation 'slow': simulated makespan 05:04:00 exceeds the expected 01:00:00", lines[0]);
            Assert.StartsWith($"{file}(14,2): error CHPC1057: Pool '{pool.Id}', expectation 'file' could not be checked: the workload cannot be used:", lines[1]);
            Assert.Contains($"ClusterlessHpc: pool '{pool.Id}', expectation 'quick': met: makespan 00:34:00 ≤ 01:00:00", log.ToString());
        }

        [Fact]
        public void Run_writes_the_results_file_and_an_assembly_that_cannot_load_is_a_finding_with_the_severity_asked_for()
        {
            var results = Path.Combine(_project, "results.txt");
            var missing = Path.Combine(_project, "Missing.dll");

            var exit = ExpectationRunner.Run(["--assembly", missing, "--project-dir", _project, "--results", results, "--severity", "warning"], TextWriter.Null);

            Assert.Equal(ExpectationRunner.Done, exit);
            var line = Assert.Single(File.ReadAllLines(results));
            Assert.StartsWith($"{missing}: warning CHPC1058: The simulation expectations of Missing.dll could not be checked: ", line);
        }

        [Fact]
        public void An_assembly_without_expectations_gives_an_empty_results_file()
        {
            var results = Path.Combine(_project, "results.txt");
            var log = new StringWriter();

            var exit = ExpectationRunner.Run(["--assembly", typeof(ExpectationRunnerTests).Assembly.Location, "--project-dir", _project, "--results", results], log);

            Assert.Equal(ExpectationRunner.Done, exit);
            Assert.Empty(File.ReadAllLines(results));
            Assert.Contains("no pool of this assembly declares a [SimulationExpectation]", log.ToString());
        }

        [Theory]
        [InlineData("--assembly", "a.dll")]
        [InlineData("--assembly", "a.dll", "--project-dir", ".", "--results", "r", "--severity", "fatal")]
        public void A_wrong_command_line_is_a_usage_error(params string[] args)
        {
            var log = new StringWriter();
            Assert.Equal(ExpectationRunner.Usage, ExpectationRunner.Run(args, log));
            Assert.Contains("ClusterlessHpc.Simulation.Checker: ", log.ToString());
        }

        public void Dispose() => Directory.Delete(_project, recursive: true);
    }
}
