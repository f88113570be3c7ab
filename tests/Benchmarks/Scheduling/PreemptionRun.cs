using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Benchmarks.Scheduling
{
    /// <summary>
    /// <c>preemption [tasks] [seed] [rate-per-node-hour]</c>: one-minute simulated tasks (every 50th exits with 1, with two
    /// retries) on 10 spot nodes of 4 slots preempted at a seeded rate, on a manual clock; prints how each task ended, the
    /// successes the nodes counted (each task's exactly once), the preemptions and the requeues. Fails when a task is lost
    /// (not completed) or a success was counted twice.
    /// </summary>
    internal static class PreemptionRun
    {
        public static int Run(string[] args, TextWriter output)
        {
            var taskCount = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
            var seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20251;
            var rate = args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 3;
            var clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
            var settings = SchedulerRun.Settings() with { SpotPreemptionsPerHour = rate, SpotPreemptionSeed = seed, SpotRecoveryDelay = TimeSpan.FromMinutes(2) };
            var model = new PoolModel(settings, clock, new SchedulerRun.InstantStartTasks());
            model.Add(SchedulerRun.Pool("spot", dedicated: 0, lowPriority: 10, slots: 4));
            model.AddJob(new JobSpec { Id = "work", PoolInfo = new PoolInfoSpec { PoolId = "spot" }, Constraints = new JobConstraintsSpec { MaxTaskRetryCount = 2 } });
            for (var first = 0; first < taskCount; first += 100)
            {
                model.AddTasks("work", Enumerable.Range(first, Math.Min(100, taskCount - first)).Select(i => new TaskSpec
                {
                    Id = "t" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                    CommandLine = "/bin/true",
                    EnvironmentSettings =
                    [
                        new EnvironmentSetting { Name = SimulatedTaskRun.DurationVariable, Value = "1m" },
                        new EnvironmentSetting { Name = SimulatedTaskRun.ExitCodeVariable, Value = i % 50 == 0 ? "1" : "0" },
                    ],
                }).ToList());
            }
            var elapsed = TimeSpan.Zero;
            while (model.ReadJob("work", null, (job, _) => job.Tally.Completed) < taskCount && elapsed < TimeSpan.FromDays(2))
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                elapsed += TimeSpan.FromMinutes(1);
                model.Advance();
            }
            var tasks = model.ReadJob("work", null, (job, _) => job.Tasks.Select(t => (t.Phase, t.FailureInfo?.Code, t.RequeueCount, t.RetryCount)).ToList());
            var (succeededOnNodes, preemptions) = model.ReadPool("spot", null, (pool, _) => (pool.Nodes.Sum(n => n.TotalTasksSucceeded), pool.Nodes.Sum(n => n.Preemptions)));
            var completed = tasks.Count(t => t.Phase == TaskPhase.Completed);
            var failed = tasks.Where(t => t.Code is not null).GroupBy(t => t.Code!).Select(g => $"{g.Count()} {g.Key} (retries {string.Join(",", g.Select(t => t.RetryCount).Distinct())})");
            var succeeded = tasks.Count(t => t.Phase == TaskPhase.Completed && t.Code is null);

            output.WriteLine($"{taskCount} tasks of 1 min on 10 spot nodes x 4 slots, {rate} preemptions per node-hour, seed {seed}; done after {elapsed.TotalMinutes:F0} simulated minutes");
            output.WriteLine($"completed: {completed} ({succeeded} succeeded; failed: {string.Join("; ", failed)}); lost: {taskCount - completed}");
            output.WriteLine($"successes counted by the nodes: {succeededOnNodes} (one per succeeded task: {(succeededOnNodes == succeeded ? "yes" : "NO")})");
            output.WriteLine($"preemptions: {preemptions}; tasks requeued by them: {tasks.Count(t => t.RequeueCount > 0)} ({tasks.Sum(t => t.RequeueCount)} requeues)");
            return completed == taskCount && succeededOnNodes == succeeded ? 0 : 1;
        }
    }
}
