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

        /// <summary>
        /// A value each valued option of <see cref="StandaloneOption.All"/> takes, different from its default. An option
        /// added to the table without one fails the test below, so that every option is shown to do something.
        /// </summary>
        private static readonly Dictionary<string, string> SampleValues = new(StringComparer.Ordinal)
        {
            ["--port"] = "0",
            ["--state"] = "/tmp/state.json",
            ["--spot-preemption-rate"] = "0.5",
            ["--spot-preemption-seed"] = "3",
            ["--account"] = "mine",
            ["--key"] = Convert.ToBase64String(new byte[32]),
            ["--nodes-dir"] = "/tmp/nodes",
            ["--time-scale"] = "60",
            ["--log-level"] = "Warning",
            ["--dedicated-core-quota"] = "20",
            ["--low-priority-core-quota"] = "8",
        };

        [Fact]
        public void Parse_reads_every_option_of_the_table_and_each_changes_a_setting()
        {
            // A key of the account's own, so that every option is valid alone: --account needs one, executing start tasks wants one.
            string[] ownKey = ["--key", Convert.ToBase64String(new byte[64])];
            var baseline = Settings(BatchEmulatorOptions.Parse(ownKey));

            Assert.Equal(StandaloneOption.All.Count, StandaloneOption.All.Select(o => o.Name).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(StandaloneOption.All.Where(o => o.ValueName is not null).Select(o => o.Name).Order(StringComparer.Ordinal),
                SampleValues.Keys.Order(StringComparer.Ordinal));
            foreach (var option in StandaloneOption.All)
            {
                string[] given = option.ValueName is null ? [option.Name] : [option.Name, SampleValues[option.Name]];
                var parsed = BatchEmulatorOptions.Parse([.. ownKey, .. given]);
                Assert.True(Settings(parsed) != baseline, option.Name + " changed no setting");
            }
        }

        [Fact]
        public void An_option_applied_by_a_host_refuses_what_Parse_refuses_in_the_same_words()
        {
            var port = StandaloneOption.All.Single(o => o.Name == "--port");
            var verbose = StandaloneOption.All.Single(o => o.Name == "--verbose");
            var options = BatchEmulatorOptions.Standalone();

            Assert.Equal(Assert.Throws<ArgumentException>(() => BatchEmulatorOptions.Parse(["--port", "many"])).Message,
                Assert.Throws<ArgumentException>(() => port.Apply(options, "many")).Message);
            Assert.Equal(Assert.Throws<ArgumentException>(() => BatchEmulatorOptions.Parse(["--port"])).Message,
                Assert.Throws<ArgumentException>(() => port.Apply(options, null)).Message);
            Assert.Equal("The option --port needs a value.", Assert.Throws<ArgumentException>(() => port.Apply(options, null)).Message);
            Assert.Throws<ArgumentException>(() => verbose.Apply(options, "yes"));
            verbose.Apply(options, null);
            Assert.True(options.Verbose);
            Assert.Equal(new[] { "--state", "--nodes-dir" }, StandaloneOption.All.Where(o => o.IsPath).Select(o => o.Name));
        }

        /// <summary>Every public setting, as text, to tell whether an option changed any.</summary>
        private static string Settings(BatchEmulatorOptions options) => string.Join("\n",
            typeof(BatchEmulatorOptions).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                .Select(p => $"{p.Name}={p.GetValue(options)}"));

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
        [InlineData("--time-scale", "1e300")]
        public void Bad_arguments_are_refused_and_the_message_never_shows_a_key(params string[] args)
        {
            var error = Assert.ThrowsAny<ArgumentException>(() => BatchEmulatorOptions.Parse(args));

            Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("--port", "70000")]
        [InlineData("--time-scale", "1e300")]
        public void A_value_out_of_range_is_refused_naming_its_option(string option, string value)
        {
            var error = Assert.ThrowsAny<ArgumentException>(() => BatchEmulatorOptions.Parse([option, value]));

            Assert.StartsWith(option + " needs a number", error.Message, StringComparison.Ordinal);
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
