using System.Text.Json;
using static ClusterlessHpc.Simulation.Tests.ModelFixtures;

namespace ClusterlessHpc.Simulation.Tests
{
    /// <summary>Autoscale formulas fed by the model's own task metrics, sampled every 30 s of its clock and seen late by the metrics delay.</summary>
    public sealed class TaskMetricsTests
    {
        /// <summary>The seed's autoscale example (samplesPercent over the last 30 s), as the quickstart's pool declares it.</summary>
        private const string SeedFormula = """
            startingNumberOfVMs = 1;
            maxNumberofVMs = 10;
            pendingTaskSamplePercent = $PendingTasks.GetSamplePercent(30 * TimeInterval_Second);
            pendingTaskSamples = pendingTaskSamplePercent < 70 ? startingNumberOfVMs : avg($PendingTasks.GetSample(30 * TimeInterval_Second));
            $TargetDedicatedNodes = min(maxNumberofVMs, pendingTaskSamples);
            $NodeDeallocationOption = taskcompletion;
            """;

        private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

        private readonly ManualClock _clock = new(Start);

        private PoolModel AutoScalePool(TimeSpan metricsDelay, string formula = SeedFormula)
        {
            var model = new PoolModel(Settings() with { MetricsDelay = metricsDelay }, _clock, new InstantStartTasks(StartTask));
            model.Add(Pool("auto", formula: formula, interval: Interval));
            _clock.Advance(Boot);
            return model;
        }

        private (int Target, int Current) Size(PoolModel model) =>
            model.ReadPool("auto", null, (pool, _) => (pool.TargetDedicated, pool.CurrentNodes(true)));

        [Fact]
        public void Without_the_delay_the_seed_formula_follows_the_pending_tasks_to_ten_nodes_and_back_to_none()
        {
            var model = AutoScalePool(TimeSpan.Zero);
            model.AddJob(Job("work", "auto"));
            model.AddTasks("work", Enumerable.Range(0, 40).Select(i => Task("t" + i, duration: "10m")).ToList());

            _clock.Advance(Interval);
            var grown = Size(model);
            var results = model.ReadPool("auto", null, (pool, _) => pool.AutoScaleRun!.Results);
            _clock.Advance(TimeSpan.FromHours(2));
            var counts = model.ReadJob("work", null, (job, _) => (job.Tally.Completed, job.Tally.Failed));
            var shrunk = Size(model);

            Assert.Equal(10, grown.Target);
            Assert.Contains("pendingTaskSamplePercent=100;pendingTaskSamples=40", results, StringComparison.Ordinal);
            Assert.Equal((40, 0), counts);
            Assert.Equal((0, 0), shrunk);
        }

        [Fact]
        public void With_the_services_one_minute_delay_the_seed_formula_never_sees_a_sample_and_stays_at_one_node()
        {
            var model = AutoScalePool(TimeSpan.FromMinutes(1));
            model.AddJob(Job("work", "auto"));
            model.AddTasks("work", Enumerable.Range(0, 40).Select(i => Task("t" + i, duration: "10m")).ToList());

            _clock.Advance(3 * Interval);
            var size = Size(model);
            var results = model.ReadPool("auto", null, (pool, _) => pool.AutoScaleRun!.Results);

            Assert.Equal((1, 1), size);
            Assert.Contains("pendingTaskSamplePercent=0", results, StringComparison.Ordinal);
        }

        [Fact]
        public void A_formula_that_looks_back_further_than_the_delay_grows_the_pool()
        {
            const string corrected = """
                $samples = $PendingTasks.GetSamplePercent(TimeInterval_Minute * 3, TimeInterval_Minute * 1);
                $tasks = $samples < 70 ? 1 : avg($PendingTasks.GetSample(TimeInterval_Minute * 3, TimeInterval_Minute * 1));
                $TargetDedicatedNodes = min(10, $tasks);
                $NodeDeallocationOption = taskcompletion;
                """;
            var model = AutoScalePool(TimeSpan.FromMinutes(1), corrected);
            model.AddJob(Job("work", "auto"));
            model.AddTasks("work", Enumerable.Range(0, 40).Select(i => Task("t" + i, duration: "10m")).ToList());

            _clock.Advance(Interval);

            Assert.Equal(10, Size(model).Target);
        }

        [Fact]
        public void The_metrics_feed_stands_in_for_the_task_metrics_only_while_the_pool_has_no_jobs()
        {
            const string follow = "$TargetDedicatedNodes = avg($PendingTasks.GetSample(1));";
            var model = AutoScalePool(TimeSpan.Zero, follow);
            var fed = JsonDocument.Parse($$"""{ "samples": { "$PendingTasks": [ { "time": "{{Start:O}}", "value": 7 } ] } }""").RootElement;
            model.SetMetrics("auto", fed);

            _clock.Advance(Interval);
            var fromFeed = Size(model).Target;
            model.AddJob(Job("work", "auto"));
            model.AddTasks("work", [Task("a", duration: "1h"), Task("b", duration: "1h")]);
            _clock.Advance(Interval);
            var fromJobs = Size(model).Target;

            Assert.Equal(7, fromFeed);
            Assert.Equal(2, fromJobs);
        }

        [Fact]
        public void Samples_count_tasks_by_state_and_preempted_nodes()
        {
            var model = AutoScalePool(TimeSpan.Zero, "$TargetDedicatedNodes = 2;");
            model.AddJob(Job("work", "auto"));
            model.AddTasks("work", [Task("ok", duration: "10s"), Task("bad", duration: "10s", exitCode: 1), Task("long", duration: "1h"), Task("wait", duration: "1h")]);
            _clock.Advance(TimeSpan.FromMinutes(10));

            var last = model.ReadPool("auto", null, (pool, _) => pool.Samples[^1]);

            Assert.Equal((0, 2, 1, 1, 0, 2), (last.Active, last.Running, last.Succeeded, last.Failed, last.Preempted, last.Dedicated));
            Assert.Equal(0, last.Time.UtcTicks % PoolModel.SampleInterval.Ticks);
        }
    }
}
