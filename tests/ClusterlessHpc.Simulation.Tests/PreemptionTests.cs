using ClusterlessHpc.Batch.Models;
using static ClusterlessHpc.Simulation.Tests.ModelFixtures;

namespace ClusterlessHpc.Simulation.Tests
{
    /// <summary>Spot nodes preempted at a seeded rate: their tasks are requeued, none is lost or run to completion twice.</summary>
    public sealed class PreemptionTests
    {
        private static PoolModelSettings Preempting(int seed) => Settings() with
        {
            SpotPreemptionsPerHour = 3,
            SpotPreemptionSeed = seed,
            SpotRecoveryDelay = TimeSpan.FromMinutes(2),
        };

        private static (PoolModel Model, ManualClock Clock) Run(int seed, int tasks, int retries = 0)
        {
            var clock = new ManualClock(Start);
            var model = ReadyPool(clock, "spot", nodes: 0, slots: 4, settings: Preempting(seed), lowPriority: 10);
            model.AddJob(Job("work", "spot", maxTaskRetryCount: retries));
            foreach (var batch in Enumerable.Range(0, tasks).Chunk(100))
            {
                model.AddTasks("work", batch.Select(i => Task("t" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                    duration: "1m", exitCode: i % 50 == 0 ? 1 : 0)).ToList());
            }
            // Long enough for every task even with preemptions; the model jumps there event by event.
            clock.Advance(TimeSpan.FromHours(12));
            model.Advance();
            return (model, clock);
        }

        [Fact]
        public void During_a_thousand_tasks_every_task_completes_exactly_once_or_fails_with_its_reason_after_its_retries()
        {
            var (model, _) = Run(seed: 20251, tasks: 1000, retries: 2);

            var tasks = model.ReadJob("work", null, (job, _) => job.Tasks.Select(t => (t.Id, t.Phase, t.FailureInfo?.Code, t.RetryCount, t.RequeueCount)).ToList());
            var succeededOnNodes = model.ReadPool("spot", null, (pool, _) => pool.Nodes.Sum(n => n.TotalTasksSucceeded));
            var preemptions = model.ReadPool("spot", null, (pool, _) => pool.Nodes.Sum(n => n.Preemptions));

            Assert.Equal(1000, tasks.Select(t => t.Id).Distinct().Count());
            Assert.All(tasks, t => Assert.Equal(TaskPhase.Completed, t.Phase));
            // The tasks that exit with 1 failed after their two retries, with their reason; every other one succeeded.
            Assert.All(tasks.Where(t => t.Id.EndsWith("00", StringComparison.Ordinal) || t.Id.EndsWith("50", StringComparison.Ordinal)),
                t => Assert.Equal(("FailureExitCode", 2), (t.Code, t.RetryCount)));
            Assert.Equal(20, tasks.Count(t => t.Code is not null));
            // No success was counted twice: the nodes ran exactly one successful attempt of each other task.
            Assert.Equal(980, succeededOnNodes);
            Assert.True(preemptions > 5, $"only {preemptions} preemptions");
            Assert.True(tasks.Count(t => t.RequeueCount > 0) > 5, "preemptions requeued running tasks");
        }

        [Fact]
        public void The_same_seed_preempts_the_same_nodes_at_the_same_times()
        {
            var first = Run(seed: 7, tasks: 200).Model.ReadJob("work", null, (job, _) => job.Tasks.Select(t => (t.Id, t.RequeueCount, t.EndTime)).ToList());
            var second = Run(seed: 7, tasks: 200).Model.ReadJob("work", null, (job, _) => job.Tasks.Select(t => (t.Id, t.RequeueCount, t.EndTime)).ToList());
            var other = Run(seed: 8, tasks: 200).Model.ReadJob("work", null, (job, _) => job.Tasks.Select(t => (t.Id, t.RequeueCount, t.EndTime)).ToList());

            Assert.Equal(first, second);
            Assert.NotEqual(first, other);
        }

        [Fact]
        public void A_preempted_node_is_counted_for_the_formula_and_the_pool_gets_it_back()
        {
            var clock = new ManualClock(Start);
            var model = ReadyPool(clock, "spot", nodes: 0, settings: Settings() with { SpotPreemptionsPerHour = 6, SpotPreemptionSeed = 1, SpotRecoveryDelay = TimeSpan.FromMinutes(2) }, lowPriority: 3);
            var seen = new List<(int Preempted, int Idle)>();
            for (var i = 0; i < 120; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(30));
                seen.Add(model.ReadPool("spot", null, (pool, _) => (pool.Nodes.Count(n => n.State == BatchNodeState.Preempted), pool.Nodes.Count(n => n.State == BatchNodeState.Idle))));
            }
            var current = model.ReadPool("spot", null, (pool, _) => pool.CurrentNodes(dedicated: false));

            Assert.True(seen.Any(s => s.Preempted > 0), string.Join(" ", seen));
            // A preempted node comes back: some time after a preemption, nodes are idle again.
            Assert.True(seen.SkipWhile(s => s.Preempted == 0).Any(s => s.Idle > 0), string.Join(" ", seen));
            // $CurrentLowPriorityNodes counts preempted nodes too, as the service documents.
            Assert.Equal(3, current);
        }

        [Fact]
        public void The_formula_reads_preempted_nodes_in_PreemptedNodeCount()
        {
            var clock = new ManualClock(Start);
            var settings = Settings() with { SpotPreemptionsPerHour = 6, SpotPreemptionSeed = 1, SpotRecoveryDelay = TimeSpan.FromMinutes(20), MetricsDelay = TimeSpan.Zero };
            var model = new PoolModel(settings, clock, new InstantStartTasks(StartTask));
            var results = new List<string>();
            model.AutoScaleEvaluated += (_, run) => results.Add(run.Results!);
            model.Add(Pool("spot", formula: "$TargetLowPriorityNodes = 3; preempted = sum($PreemptedNodeCount.GetSample(1));", interval: TimeSpan.FromMinutes(5)));

            clock.Advance(TimeSpan.FromHours(2));
            model.Advance();
            var counted = results.Select(r => int.Parse(r.Split("preempted=")[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();

            Assert.Contains(counted, c => c > 0);
            Assert.All(counted, c => Assert.InRange(c, 0, 3));
        }
    }
}
