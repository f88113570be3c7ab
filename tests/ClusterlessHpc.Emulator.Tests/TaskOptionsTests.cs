namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>The standalone emulator's options for tasks: executed tasks and spot preemption, read and checked as the command line gives them.</summary>
    public sealed class TaskOptionsTests
    {
        [Fact]
        public void Execute_tasks_implies_executed_start_tasks_and_the_preemption_options_are_read()
        {
            var options = BatchEmulatorOptions.Parse(["--execute-tasks", "--allow-development-key", "--spot-preemption-rate", "0.5", "--spot-preemption-seed", "-3"]);

            Assert.True(options.ExecuteTasks);
            Assert.Equal(StartTaskMode.Execute, options.StartTaskMode);
            Assert.Equal((0.5, -3), (options.SpotPreemptionRate, options.SpotPreemptionSeed));
            Assert.Equal(TimeSpan.FromMinutes(1), options.MetricsDelay);
        }

        [Theory]
        [InlineData("--spot-preemption-rate", "often", "--spot-preemption-rate needs a number")]
        [InlineData("--spot-preemption-rate", "-1", "--spot-preemption-rate needs a number")]
        [InlineData("--spot-preemption-seed", "1.5", "--spot-preemption-seed needs an integer")]
        public void A_bad_value_is_refused_naming_the_option(string option, string value, string message)
        {
            var error = Assert.Throws<ArgumentException>(() => BatchEmulatorOptions.Parse([option, value]));

            Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Executed_tasks_with_the_development_key_need_the_same_consent_as_executed_start_tasks()
        {
            var error = Assert.Throws<ArgumentException>(() => BatchEmulatorOptions.Parse(["--execute-tasks"]));
            var code = new BatchEmulatorOptions { ExecuteTasks = true, AllowDevelopmentKey = true };

            Assert.Contains("--allow-development-key", error.Message, StringComparison.Ordinal);
            var mismatch = Assert.Throws<ArgumentException>(() => BatchEmulator.StartAsync(code).GetAwaiter().GetResult());
            Assert.Contains("StartTaskMode.Execute", mismatch.Message, StringComparison.Ordinal);
        }
    }
}
