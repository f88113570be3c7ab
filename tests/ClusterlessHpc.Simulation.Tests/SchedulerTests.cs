using ClusterlessHpc.Batch.Models;
using static ClusterlessHpc.Simulation.Tests.ModelFixtures;

namespace ClusterlessHpc.Simulation.Tests
{
    /// <summary>The scheduler on a clock the test moves: states, slots, fill types, retries, limits and job completion.</summary>
    public sealed class SchedulerTests
    {
        private readonly ManualClock _clock = new(Start);

        [Fact]
        public void A_task_goes_active_running_completed_at_the_times_its_simulated_duration_gives()
        {
            var model = ReadyPool(_clock, "p", nodes: 1);
            var ready = _clock.GetUtcNow();
            model.AddJob(Job("j", "p"));
            model.AddTask("j", Task("default"));
            model.AddTask("j", Task("queued", duration: "PT2M"));
            var afterAdd = Tasks(model, "j");

            _clock.Advance(TimeSpan.FromSeconds(10));
            var afterFirst = Tasks(model, "j");
            _clock.Advance(TimeSpan.FromMinutes(5));
            var done = Tasks(model, "j");
            var node = model.ReadPool("p", null, (pool, _) => pool.Nodes.Single().Id);

            Assert.Equal([("default", TaskPhase.Running), ("queued", TaskPhase.Active)], afterAdd.Select(t => (t.Id, t.Phase)));
            // One slot: the second task starts the instant the first ends, whenever the clock is read.
            Assert.Equal([("default", TaskPhase.Completed, ready, ready.AddSeconds(10)), ("queued", TaskPhase.Running, ready.AddSeconds(10), (DateTimeOffset?)null)],
                afterFirst.Select(t => (t.Id, t.Phase, t.Start!.Value, t.End)));
            Assert.All(done, t => Assert.Equal((TaskPhase.Completed, node), (t.Phase, t.Node)));
            Assert.Equal(ready.AddSeconds(10).AddMinutes(2), done[1].End);
            var completed = TaskOf(model, "j", "queued");
            Assert.Equal((0, (BatchTaskFailureInfo?)null, TaskPhase.Running), (completed.ExitCode, completed.FailureInfo, completed.PreviousPhase));
        }

        [Theory]
        [InlineData("spread", new[] { 2, 1 })]
        [InlineData("pack", new[] { 3, 0 })]
        public void Spread_shares_tasks_between_nodes_and_pack_fills_one_first(string fill, int[] perNode)
        {
            var model = ReadyPool(_clock, "fill", nodes: 2, slots: 4, fill: fill);
            model.AddJob(Job("j", "fill"));
            foreach (var i in Enumerable.Range(0, 3)) model.AddTask("j", Task("t" + i, duration: "1m"));

            var used = model.ReadPool("fill", null, (pool, _) => pool.Nodes.Select(n => n.UsedSlots).OrderDescending().ToArray());
            var states = model.ReadPool("fill", null, (pool, _) => pool.Nodes.Select(n => n.State.Value).Order().ToArray());

            Assert.Equal(perNode, used);
            Assert.Equal(fill == "pack" ? ["idle", "running"] : ["running", "running"], states);
        }

        [Fact]
        public void Required_slots_are_honoured_and_a_node_never_runs_more_slots_than_it_has()
        {
            var model = ReadyPool(_clock, "slots", nodes: 2, slots: 4);
            model.AddJob(Job("j", "slots"));
            model.AddTask("j", Task("big-a", duration: "1m", slots: 3));
            model.AddTask("j", Task("big-b", duration: "1m", slots: 3));
            model.AddTask("j", Task("big-c", duration: "1m", slots: 3));
            model.AddTask("j", Task("small", duration: "1m", slots: 1));
            model.AddTask("j", Task("too-big", duration: "1m", slots: 2));

            var running = Tasks(model, "j").Where(t => t.Phase == TaskPhase.Running).Select(t => t.Id).ToList();
            var used = model.ReadPool("slots", null, (pool, _) => pool.Nodes.Select(n => n.UsedSlots).ToList());
            _clock.Advance(TimeSpan.FromMinutes(1));
            var next = Tasks(model, "j").Where(t => t.Phase == TaskPhase.Running).Select(t => t.Id).ToList();

            // Two 3-slot tasks fill 6 of 8 slots; the 1-slot task fits beside one, the 2-slot one fits nowhere.
            Assert.Equal(["big-a", "big-b", "small"], running);
            Assert.Equal(7, used.Sum());
            Assert.All(used, u => Assert.InRange(u, 0, 4));
            Assert.Equal(["big-c", "too-big"], next);
        }

        [Fact]
        public void A_failing_task_is_retried_up_to_its_limit_then_completes_failed_with_its_exit_code()
        {
            var model = ReadyPool(_clock, "retry", nodes: 1);
            var ready = _clock.GetUtcNow();
            model.AddJob(Job("j", "retry", maxTaskRetryCount: 1));
            model.AddTask("j", Task("own-limit", duration: "1m", exitCode: 3, maxRetries: 2));
            model.AddTask("j", Task("job-limit", duration: "1m", exitCode: 4));

            _clock.Advance(TimeSpan.FromMinutes(10));
            var own = TaskOf(model, "j", "own-limit");
            var job = TaskOf(model, "j", "job-limit");
            var counts = model.ReadJob("j", null, (j, _) => (j.Tally.Completed, j.Tally.Failed, j.Tally.Succeeded));

            Assert.Equal((TaskPhase.Completed, 3, 2, "FailureExitCode"), (own.Phase, own.ExitCode!.Value, own.RetryCount, own.FailureInfo!.Code));
            Assert.Equal(ready.AddMinutes(3), own.EndTime);
            Assert.Equal(ready.AddMinutes(2), own.LastRetryTime);
            Assert.Equal((4, 1, ready.AddMinutes(5)), (job.ExitCode!.Value, job.RetryCount, job.EndTime!.Value));
            Assert.Equal((2, 2, 0), counts);
        }

        [Fact]
        public void An_instant_failure_with_unlimited_retries_is_retried_once_a_second_and_does_not_stall_the_clock()
        {
            var model = ReadyPool(_clock, "spin", nodes: 1);
            model.AddJob(Job("j", "spin"));
            model.AddTask("j", Task("forever", duration: "0s", exitCode: 1, maxRetries: -1));

            _clock.Advance(TimeSpan.FromMinutes(10));
            var running = model.ReadTask("j", "forever", null, (_, task, _) => (task.Phase, task.RetryCount));
            model.TerminateTask("j", "forever", null);

            // The first retry starts the instant the first attempt fails, then one a second: 601 by the tenth minute.
            Assert.Equal((TaskPhase.Running, 601), running);
            Assert.Equal(TaskPhase.Completed, TaskOf(model, "j", "forever").Phase);
        }

        [Fact]
        public void Max_wall_clock_time_ends_a_task_failed_and_it_is_not_retried()
        {
            var model = ReadyPool(_clock, "wall", nodes: 1);
            var ready = _clock.GetUtcNow();
            model.AddJob(Job("j", "wall"));
            model.AddTask("j", Task("slow", duration: "1h", maxRetries: 3, maxWallClockTime: TimeSpan.FromMinutes(5)));

            _clock.Advance(TimeSpan.FromHours(2));
            var task = TaskOf(model, "j", "slow");

            Assert.Equal((TaskPhase.Completed, "MaxWallClockTimeExpiry", 0, ready.AddMinutes(5)), (task.Phase, task.FailureInfo!.Code, task.RetryCount, task.EndTime!.Value));
        }

        [Fact]
        public void Terminatejob_completes_the_job_when_its_last_task_completes_and_it_takes_no_more_tasks()
        {
            var model = ReadyPool(_clock, "auto", nodes: 2);
            var ready = _clock.GetUtcNow();
            model.AddJob(Job("j", "auto", onAllTasksComplete: "terminatejob"));
            model.AddTask("j", Task("a", duration: "1m"));
            model.AddTask("j", Task("b", duration: "2m"));

            _clock.Advance(TimeSpan.FromMinutes(1));
            var halfway = model.ReadJob("j", null, (job, _) => job.Phase);
            _clock.Advance(TimeSpan.FromMinutes(1));
            var (phase, reason, end) = model.ReadJob("j", null, (job, _) => (job.Phase, job.TerminateReason, job.EndTime));
            var refusal = Assert.Throws<PoolModelException>(() => model.AddTask("j", Task("late")));

            Assert.Equal(JobPhase.Active, halfway);
            Assert.Equal((JobPhase.Completed, "AllTasksComplete", ready.AddMinutes(2)), (phase, reason, end!.Value));
            Assert.Equal("JobCompleted", refusal.Code);
        }

        [Fact]
        public void Terminating_a_job_ends_its_running_tasks_and_leaves_its_active_ones_unscheduled()
        {
            var model = ReadyPool(_clock, "term", nodes: 1);
            model.AddJob(Job("j", "term"));
            model.AddTask("j", Task("running", duration: "1h"));
            model.AddTask("j", Task("waiting", duration: "1m"));

            model.TerminateJob("j", null, null);
            _clock.Advance(TimeSpan.FromHours(2));
            var running = TaskOf(model, "j", "running");
            var waiting = TaskOf(model, "j", "waiting");
            var (phase, reason) = model.ReadJob("j", null, (job, _) => (job.Phase, job.TerminateReason));
            var nodeState = model.ReadPool("term", null, (pool, _) => pool.Nodes.Single().State);

            Assert.Equal((TaskPhase.Completed, "TaskEnded"), (running.Phase, running.FailureInfo!.Code));
            Assert.Equal(TaskPhase.Active, waiting.Phase);
            Assert.Equal((JobPhase.Completed, "UserTerminate"), (phase, reason));
            Assert.Equal(BatchNodeState.Idle, nodeState);
        }

        [Fact]
        public void Terminating_and_deleting_tasks_free_their_slots_for_the_next()
        {
            var model = ReadyPool(_clock, "free", nodes: 1);
            var ready = _clock.GetUtcNow();
            model.AddJob(Job("j", "free"));
            model.AddTask("j", Task("a", duration: "1h"));
            model.AddTask("j", Task("b", duration: "1h"));
            model.AddTask("j", Task("c", duration: "1h"));

            _clock.Advance(TimeSpan.FromMinutes(1));
            model.TerminateTask("j", "a", null);
            var afterTerminate = Tasks(model, "j").Select(t => (t.Id, t.Phase)).ToList();
            _clock.Advance(TimeSpan.FromMinutes(1));
            model.DeleteTask("j", "b", null);
            var afterDelete = Tasks(model, "j").Select(t => (t.Id, t.Phase, t.Start)).ToList();
            var twice = Assert.Throws<PoolModelException>(() => model.TerminateTask("j", "a", null));

            Assert.Equal([("a", TaskPhase.Completed), ("b", TaskPhase.Running), ("c", TaskPhase.Active)], afterTerminate);
            Assert.Equal([("a", TaskPhase.Completed, (DateTimeOffset?)ready), ("c", TaskPhase.Running, ready.AddMinutes(2))], afterDelete);
            Assert.Equal("TaskCompleted", twice.Code);
        }

        [Fact]
        public void Max_parallel_tasks_caps_a_jobs_running_tasks_and_priority_decides_between_jobs()
        {
            var model = ReadyPool(_clock, "share", nodes: 2, slots: 2);
            // Every slot busy while the two jobs queue up, so both compete for the slots freed at once.
            model.AddJob(Job("blockers", "share"));
            foreach (var i in Enumerable.Range(0, 4)) model.AddTask("blockers", Task("b" + i, duration: "1m"));
            model.AddJob(Job("low", "share"));
            var capped = Job("capped", "share");
            capped.MaxParallelTasks = 1;
            capped.Priority = 10;
            model.AddJob(capped);
            foreach (var i in Enumerable.Range(0, 4)) model.AddTask("low", Task("low" + i, duration: "1m"));
            foreach (var i in Enumerable.Range(0, 3)) model.AddTask("capped", Task("high" + i, duration: "1m"));

            _clock.Advance(TimeSpan.FromMinutes(1));
            var runningCapped = Tasks(model, "capped").Count(t => t.Phase == TaskPhase.Running);
            var runningLow = Tasks(model, "low").Count(t => t.Phase == TaskPhase.Running);

            Assert.Equal(1, runningCapped);
            Assert.Equal(3, runningLow);
        }

        [Fact]
        public void A_bad_simulated_duration_or_exit_code_is_refused_naming_the_setting()
        {
            var model = ReadyPool(_clock, "bad", nodes: 1);
            model.AddJob(Job("j", "bad"));

            var duration = Assert.Throws<PoolModelException>(() => model.AddTask("j", Task("d", duration: "ten seconds")));
            var results = model.AddTasks("j", [Task("ok"), Task("ok"), Task("code", exitCode: null, duration: "5s") is var t ? WithExitCode(t, "x") : t]);

            Assert.Equal("InvalidPropertyValue", duration.Code);
            Assert.Contains("CHPC_EMULATOR_TASK_DURATION 'ten seconds'", duration.Values.Single(v => v.Key == "Reason").Value, StringComparison.Ordinal);
            Assert.Equal([null, "TaskExists", "InvalidPropertyValue"], results.Select(r => r.Error?.Code));
            Assert.NotNull(results[0].Versions);
        }

        [Fact]
        public void Jumping_the_clock_gives_the_same_schedule_as_stepping_it()
        {
            var stepped = RunMixedWorkload(clock =>
            {
                for (var i = 0; i < 240; i++) clock.Advance(TimeSpan.FromSeconds(5));
            });
            var jumped = RunMixedWorkload(clock => clock.Advance(TimeSpan.FromMinutes(20)));

            Assert.Equal(stepped, jumped);
            Assert.All(jumped, t => Assert.Equal(TaskPhase.Completed, t.Phase));
        }

        private static List<(string Id, TaskPhase Phase, string? Node, DateTimeOffset? Start, DateTimeOffset? End)> RunMixedWorkload(Action<ManualClock> advance)
        {
            var clock = new ManualClock(Start);
            var model = ReadyPool(clock, "mixed", nodes: 3, slots: 2, fill: "pack");
            model.AddJob(Job("j", "mixed", maxTaskRetryCount: 1));
            var random = new Random(7);
            foreach (var i in Enumerable.Range(0, 40))
            {
                model.AddTask("j", Task("t" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
                    duration: random.Next(5, 90) + "s", exitCode: i % 7 == 0 ? 1 : 0, slots: i % 5 == 0 ? 2 : 1));
            }
            advance(clock);
            model.Advance();
            // Node ids carry the pool's random number; their ordinal names the node.
            return Tasks(model, "j").Select(t => t with { Node = t.Node?[(t.Node.IndexOf('_') + 1)..] }).ToList();
        }

        private static TaskSpec WithExitCode(TaskSpec task, string code)
        {
            task.EnvironmentSettings!.Add(new EnvironmentSetting { Name = SimulatedTaskRun.ExitCodeVariable, Value = code });
            return task;
        }
    }
}
