using static ClusterlessHpc.Simulation.Tests.ModelFixtures;

namespace ClusterlessHpc.Simulation.Tests
{
    /// <summary>Jobs and tasks in the saved state: a model restored mid-run carries on as if it had never stopped.</summary>
    public sealed class TaskPersistenceTests
    {
        [Fact]
        public void A_model_restored_mid_run_finishes_the_same_schedule_as_one_that_never_stopped()
        {
            var uninterrupted = Workload(new ManualClock(Start), out var clock);
            clock.Advance(TimeSpan.FromMinutes(30));
            var expected = WithoutPoolNumber(Tasks(uninterrupted, "j"));

            var first = Workload(new ManualClock(Start), out var clock2);
            var saved = first.Save();
            var midRun = Tasks(first, "j").GroupBy(t => t.Phase).ToDictionary(g => g.Key, g => g.Count());
            var restored = new PoolModel(Settings(), clock2, new InstantStartTasks(StartTask));
            restored.Restore(ModelState.Parse(saved)!);
            clock2.Advance(TimeSpan.FromMinutes(30));
            var actual = WithoutPoolNumber(Tasks(restored, "j"));

            Assert.True(midRun[TaskPhase.Completed] > 0 && midRun[TaskPhase.Running] > 0 && midRun[TaskPhase.Active] > 0, "saved mid-run");
            Assert.Equal(expected, actual);
            Assert.Equal(uninterrupted.ReadJob("j", null, (job, _) => (job.Phase, job.TerminateReason)), restored.ReadJob("j", null, (job, _) => (job.Phase, job.TerminateReason)));
        }

        /// <summary>Node ids carry their pool's random number; their ordinal names the node.</summary>
        private static List<(string Id, TaskPhase Phase, string? Node, DateTimeOffset? Start, DateTimeOffset? End)> WithoutPoolNumber(
            List<(string Id, TaskPhase Phase, string? Node, DateTimeOffset? Start, DateTimeOffset? End)> tasks) =>
            tasks.Select(t => t with { Node = t.Node?[(t.Node.IndexOf('_') + 1)..] }).ToList();

        /// <summary>Tasks added, then the clock halfway through them.</summary>
        private static PoolModel Workload(ManualClock start, out ManualClock clock)
        {
            clock = start;
            var model = ReadyPool(clock, "saved", nodes: 2, slots: 2);
            model.AddJob(Job("j", "saved", onAllTasksComplete: "terminatejob", maxTaskRetryCount: 1));
            model.AddTasks("j", Enumerable.Range(0, 20).Select(i => Task("t" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
                duration: (30 + 7 * i) + "s", exitCode: i % 6 == 0 ? 2 : 0)).ToList());
            clock.Advance(TimeSpan.FromMinutes(3));
            model.Advance();
            return model;
        }
    }
}
