namespace ClusterlessHpc.Emulator.Tests
{
    /// <summary>The standalone emulator's command line (<c>chpc emulator</c>) and <see cref="BatchEmulator.RunAsync"/>.</summary>
    public sealed class StandaloneOptionsTests
    {
        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        [Fact]
        public void No_arguments_mean_port_10100_and_the_development_account_with_simulated_start_tasks()
        {
            var options = BatchEmulatorOptions.Parse([]);

            Assert.Equal((10100, "devbatch", BatchEmulatorOptions.DevelopmentAccountKey), (options.Port, options.AccountName, options.AccountKey));
            Assert.Equal(StartTaskMode.Simulate, options.StartTaskMode);
            Assert.Null(options.StateFile);
            Assert.Equal((false, false), (options.AllowDevelopmentKey, options.Verbose));
        }

        [Fact]
        public void Every_option_is_read()
        {
            var key = Convert.ToBase64String(new byte[64]);

            var options = BatchEmulatorOptions.Parse([
                "--port", "0", "--state", "/tmp/state.json", "--execute-start-tasks", "--account", "mine", "--key", key,
                "--nodes-dir", "/tmp/nodes", "--time-scale", "60", "--accept-bearer-tokens", "--log-level", "warning",
                "--allow-development-key", "--verbose",
            ]);

            Assert.Equal((0, "/tmp/state.json", StartTaskMode.Execute, "mine", key), (options.Port, options.StateFile, options.StartTaskMode, options.AccountName, options.AccountKey));
            Assert.Equal(("/tmp/nodes", 60.0, true), (options.NodesDirectory, options.TimeScale, options.AcceptBearerTokens));
            Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, options.MinimumLogLevel);
            Assert.Equal((true, true), (options.AllowDevelopmentKey, options.Verbose));
        }

        [Fact]
        public void Options_a_host_read_itself_are_checked_by_the_same_rules_as_parsed_ones()
        {
            var stranger = BatchEmulatorOptions.Standalone();
            stranger.AccountName = "someone";

            var error = Assert.Throws<ArgumentException>(stranger.EnsureValidStandalone);

            Assert.Equal(Assert.Throws<ArgumentException>(() => BatchEmulatorOptions.Parse(["--account", "someone"])).Message, error.Message);
            Assert.Equal((BatchEmulatorOptions.DefaultPort, Microsoft.Extensions.Logging.LogLevel.Information),
                (BatchEmulatorOptions.Standalone().Port, BatchEmulatorOptions.Standalone().MinimumLogLevel));
            Assert.Equal(60.0, BatchEmulatorOptions.ParseTimeScale("60"));
            Assert.Throws<ArgumentException>(() => BatchEmulatorOptions.ParseLogLevel("loud"));
        }

        [Theory]
        [InlineData("--port", "many")]
        [InlineData("--colour", "red")]
        [InlineData("--state")]
        [InlineData("--account", "mine")]
        [InlineData("--key", "not base64 s3cret!")]
        [InlineData("--time-scale", "-1")]
        public void Bad_arguments_are_refused_and_the_message_never_shows_a_key(params string[] args)
        {
            var error = Assert.ThrowsAny<ArgumentException>(() => BatchEmulatorOptions.Parse(args));

            Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Run_serves_until_cancelled()
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            var options = BatchEmulatorOptions.Parse(["--port", "0"]);
            options.MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.None;
            // Port 0 makes the endpoint unknown to the caller; the run's own start is what is tested here.
            var run = BatchEmulator.RunAsync(options, stop.Token);
            await Task.Delay(200, Cancel);
            var stillRunning = !run.IsCompleted;

            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(10), Cancel);

            Assert.True(stillRunning);
            Assert.True(run.IsCompletedSuccessfully);
        }
    }
}
