using ClusterlessHpc.Batch.Models;
using static ClusterlessHpc.Simulation.Tests.ModelFixtures;

namespace ClusterlessHpc.Simulation.Tests
{
    /// <summary>
    /// A start task the model stops (the node is preempted, rebooted or leaves) ends when its runner says so: an executed
    /// one's processes take their time to die. Until then the node's disk is not wiped and no new attempt starts beside it.
    /// </summary>
    public sealed class StoppedStartTaskTests
    {
        /// <summary>The file each attempt leaves on its node's disk, named for the attempt.</summary>
        private static string Marker(int attempt) => "startup/attempt-" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private readonly ManualClock _clock = new(Start);
        private readonly HeldStartTasks _runner = new();

        private PoolModel NewModel(PoolModelSettings settings, BatchPoolCreateOptions spec)
        {
            var model = new PoolModel(settings, _clock, _runner);
            model.Add(spec);
            return model;
        }

        private static string State(PoolModel model, string poolId) =>
            model.ReadPool(poolId, null, (pool, _) => pool.Nodes.Single().State.ToString());

        [Fact]
        public void A_node_preempted_during_its_start_task_boots_again_only_once_the_stopped_attempt_is_over()
        {
            var spec = Pool("spot", dedicated: 0);
            spec.TargetLowPriorityNodes = 1;
            var model = NewModel(Settings() with { SpotPreemptionsPerHour = 30, SpotPreemptionSeed = 3, SpotRecoveryDelay = TimeSpan.FromMinutes(2) }, spec);

            // Until the node is preempted while its (endless) start task runs; a preemption before it began starts nothing.
            for (var step = 0; step < 24 * 60 && !(_runner.Attempts.Count == 1 && State(model, "spot") == "preempted"); step++)
            {
                _clock.Advance(TimeSpan.FromSeconds(30));
                model.Advance();
            }
            Assert.Equal((1, "preempted"), (_runner.Attempts.Count, State(model, "spot")));
            var stopped = _runner.Attempts[0];
            Assert.True(stopped.Stop.IsCancellationRequested);

            // Well past the recovery delay, the stopped attempt is still ending: the node waits, its disk as it was.
            _clock.Advance(TimeSpan.FromMinutes(10));
            model.Advance();
            Assert.Equal((1, "preempted"), (_runner.Attempts.Count, State(model, "spot")));
            Assert.NotNull(stopped.Files.Find(Marker(1)));

            // It boots from when the attempt was over, not from when the recovery delay was up.
            var over = _clock.GetUtcNow();
            stopped.End(over);
            _clock.Advance(Starting - TimeSpan.FromSeconds(1));
            model.Advance();
            Assert.Equal((1, "starting"), (_runner.Attempts.Count, State(model, "spot")));
            _clock.Advance(TimeSpan.FromSeconds(1));
            model.Advance();
            Assert.Equal(2, _runner.Attempts.Count);
            Assert.Equal(over, model.ReadPool("spot", null, (pool, _) => pool.Nodes.Single().LastBootTime));
            Assert.Null(stopped.Files.Find(Marker(1)));
            Assert.NotNull(stopped.Files.Find(Marker(2)));
            Assert.Equal("waitingforstarttask", State(model, "spot"));
        }

        [Fact]
        public void A_node_rebooted_while_its_start_task_runs_starts_it_again_only_once_the_stopped_attempt_is_over()
        {
            // Without waitForSuccess the node is idle, so it can be rebooted, while its start task runs.
            var spec = Pool("lenient", dedicated: 1);
            spec.StartTask!.WaitForSuccess = false;
            var model = NewModel(Settings(), spec);
            _clock.Advance(Creating + Starting);
            model.Advance();
            Assert.Equal((1, "idle"), (_runner.Attempts.Count, State(model, "lenient")));

            model.RebootNode("lenient", model.ReadPool("lenient", null, (pool, _) => pool.Nodes.Single().Id));
            _clock.Advance(TimeSpan.FromMinutes(10));
            model.Advance();
            Assert.True(_runner.Attempts[0].Stop.IsCancellationRequested);
            Assert.Equal((1, "rebooting"), (_runner.Attempts.Count, State(model, "lenient")));

            _runner.Attempts[0].End(_clock.GetUtcNow());
            _clock.Advance(TimeSpan.FromSeconds(1));
            model.Advance();
            Assert.Equal(2, _runner.Attempts.Count);
        }

        [Fact]
        public void A_node_removed_during_its_start_task_leaves_only_once_the_stopped_attempt_is_over()
        {
            var model = NewModel(Settings(), Pool("shrinking", dedicated: 1));
            _clock.Advance(Creating + Starting);
            model.Advance();
            var node = model.ReadPool("shrinking", null, (pool, _) => pool.Nodes.Single().Id);

            model.RemoveNodes("shrinking", new BatchNodeRemoveOptions { NodeList = [node], NodeDeallocationOption = BatchNodeDeallocationOption.Requeue }, null);
            _clock.Advance(TimeSpan.FromMinutes(10));
            model.Advance();
            Assert.True(_runner.Attempts[0].Stop.IsCancellationRequested);
            Assert.Equal("leavingpool", State(model, "shrinking"));

            _runner.Attempts[0].End(_clock.GetUtcNow());
            _clock.Advance(TimeSpan.FromSeconds(1));
            model.Advance();
            Assert.Equal(0, model.ReadPool("shrinking", null, (pool, _) => pool.Nodes.Count));
        }

        /// <summary>Start tasks that run until the test ends them, as an executed one whose processes are still being killed.</summary>
        private sealed class HeldStartTasks : IStartTaskRunner
        {
            public List<HeldAttempt> Attempts { get; } = [];

            public TimeSpan MinimumDuration => TimeSpan.Zero;

            public INodeFiles CreateFiles(string poolId, string nodeId, bool isWindows, DateTimeOffset now) => new VirtualNodeFiles(now);

            public StartTaskAttempt Start(StartTaskLaunch launch, DateTimeOffset at)
            {
                var files = (VirtualNodeFiles)launch.Files;
                files.Write(Marker(Attempts.Count + 1), [1], at);
                var attempt = new HeldAttempt(files, new CancellationTokenSource(), new TaskCompletionSource<StartTaskOutcome>());
                Attempts.Add(attempt);
                return new StartTaskAttempt(at, attempt.Outcome.Task, attempt.Stop);
            }

            public void Dispose()
            {
            }
        }

        private sealed record HeldAttempt(VirtualNodeFiles Files, CancellationTokenSource Stop, TaskCompletionSource<StartTaskOutcome> Outcome)
        {
            /// <summary>The processes are gone at <paramref name="at"/>: the attempt ends as a stopped one does.</summary>
            public void End(DateTimeOffset at) => Outcome.SetResult(new StartTaskOutcome(null, new BatchTaskFailureInfo { Code = "TaskEnded" }, at));
        }
    }
}
