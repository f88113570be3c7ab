using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Emulator.Tests.Support;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Emulator.Tests.Simulation
{
    /// <summary>
    /// The autoscale simulation and the emulator run one model: the emulator, in-process on a manual clock and driven over a
    /// loopback socket by our Batch client (the pool created with the formula, each task added at its arrival time), shows
    /// the pool the simulation shows at every evaluation: the same targets, node counts, task counts and results.
    /// </summary>
    public sealed class SimulationAgreementTests
    {
        /// <summary>A pending-tasks formula for nodes of 2 slots that grows and shrinks the pool and lets tasks finish on scale-down.</summary>
        private const string Formula = """
            $samples = $PendingTasks.GetSamplePercent(TimeInterval_Minute * 3, TimeInterval_Minute * 1);
            $tasks = $samples < 70 ? 1 : avg($PendingTasks.GetSample(TimeInterval_Minute * 3, TimeInterval_Minute * 1));
            $TargetDedicatedNodes = min(6, ceil($tasks / 2));
            $NodeDeallocationOption = taskcompletion;
            """;

        /// <summary>Bursts and trickles of tasks of several lengths, some of two slots.</summary>
        private const string Workload = """
            arrival_s,duration_s,slots
            0,420,1
            0,420,1
            0,420,1
            0,420,1
            0,420,1
            0,420,1
            150,1200,2
            150,1200,2
            150,1200,1
            1020,180,1
            1020,180,1
            1020,180,1
            1020,180,1
            1020,180,1
            1020,180,1
            1020,180,1
            1020,180,1
            1020,180,1
            1020,180,1
            1333,95.5,1
            2400,720,1
            2400,720,2
            2400,720,1
            2400,720,1
            3000,60,1
            """;

        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private readonly record struct PoolAt(TimeSpan Offset, int TargetDedicated, int TargetLowPriority, int CurrentDedicated, int CurrentLowPriority, int Active, int Running, string? Results);

        [Fact]
        public async Task The_emulator_on_a_manual_clock_shows_the_pool_the_simulation_shows_at_every_evaluation()
        {
            var simulation = new AutoScaleSimulation(Formula, SimulationWorkload.Read(Workload, "agreement.csv"))
            {
                Duration = TimeSpan.FromMinutes(90),
                TaskSlotsPerNode = 2,
            };
            var result = simulation.Run();
            var expected = result.Timeline.Where(p => p.IsEvaluation).Zip(result.Evaluations, (p, e) =>
                new PoolAt(p.Offset, p.TargetDedicatedNodes, p.TargetLowPriorityNodes, p.CurrentDedicatedNodes, p.CurrentLowPriorityNodes, p.ActiveTasks, p.RunningTasks, e.Outcome.Results)).ToList();
            // The case must exercise the model: the pool grows and shrinks, and every task ends.
            Assert.True(result.Summary.Finished);
            Assert.True(result.Summary.Resizes >= 4, $"only {result.Summary.Resizes} resizes");
            Assert.Contains(expected, p => p.TargetDedicated >= 3);

            var actual = await RunOnTheEmulatorAsync(simulation);

            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]);
        }

        /// <summary>
        /// The emulator with the simulation's model settings; the pool made as the simulation makes it; at each evaluation
        /// time the pool and the job's task counts are read (before that moment's tasks are added, as the simulation
        /// records them), and the tasks of each arrival time added together.
        /// </summary>
        private static async Task<List<PoolAt>> RunOnTheEmulatorAsync(AutoScaleSimulation simulation)
        {
            var settings = SimulationRunner.Settings(simulation);
            var clock = new ManualClock(simulation.PoolCreated);
            await using var emulator = await BatchEmulator.StartAsync(new BatchEmulatorOptions
            {
                TimeProvider = clock,
                NodeCreatingDelay = settings.NodeCreatingDelay,
                NodeStartingDelay = settings.NodeStartingDelay,
                NodeRebootingDelay = settings.NodeRebootingDelay,
                NodeReimagingDelay = settings.NodeReimagingDelay,
                NodeLeavingDelay = settings.NodeLeavingDelay,
                StopResizeDelay = settings.StopResizeDelay,
                PoolDeleteDelay = settings.PoolDeleteDelay,
                EnableAutoScaleMinimumInterval = settings.EnableAutoScaleMinimumInterval,
                DedicatedNodeQuota = settings.DedicatedNodeQuota,
                LowPriorityNodeQuota = settings.LowPriorityNodeQuota,
                MetricsDelay = settings.MetricsDelay,
                SpotPreemptionRate = settings.SpotPreemptionsPerHour,
                SpotPreemptionSeed = settings.SpotPreemptionSeed,
            });
            var client = new BatchClient(emulator.Endpoint, emulator.Credential, ConfigurableEmulatorFixture.ClientOptions());

            var pool = TestPools.Create("whatif", startTask: null);
            pool.TargetDedicatedNodes = null;
            pool.VmSize = simulation.VmSize;
            pool.TaskSlotsPerNode = simulation.TaskSlotsPerNode;
            pool.TaskSchedulingPolicy = new BatchTaskSchedulingPolicy { NodeFillType = simulation.NodeFillType };
            pool.EnableAutoScale = true;
            pool.AutoScaleFormula = simulation.Formula;
            pool.AutoScaleEvaluationInterval = simulation.EvaluationInterval;
            await client.CreatePoolAsync(pool, Cancel);

            var seen = new List<PoolAt>();
            async Task ReadAsync(TimeSpan offset)
            {
                var state = (await client.GetPoolAsync("whatif", Cancel)).Value;
                var counts = (await client.GetJobTaskCountsAsync("work", Cancel)).Value.TaskCounts;
                seen.Add(new PoolAt(offset, state.TargetDedicatedNodes ?? 0, state.TargetLowPriorityNodes ?? 0,
                    state.CurrentDedicatedNodes ?? 0, state.CurrentLowPriorityNodes ?? 0, counts.Active, counts.Running, state.AutoScaleRun?.Results));
            }
            // The evaluation at creation: the pool as it is made (the simulation records it before its job exists, with no tasks).
            var created = (await client.GetPoolAsync("whatif", Cancel)).Value;
            seen.Add(new PoolAt(TimeSpan.Zero, created.TargetDedicatedNodes ?? 0, created.TargetLowPriorityNodes ?? 0,
                created.CurrentDedicatedNodes ?? 0, created.CurrentLowPriorityNodes ?? 0, 0, 0, created.AutoScaleRun?.Results));
            await client.CreateJobAsync(new BatchJobCreateOptions { Id = "work", PoolInfo = new BatchPoolInfo { PoolId = "whatif" } }, Cancel);

            var tasks = simulation.Workload.TasksFor(simulation.PoolCreated, simulation.Duration);
            var arrivals = tasks.Select((task, index) => (task, index)).GroupBy(t => t.task.Arrival).ToDictionary(g => g.Key, g => g.ToList());
            var evaluations = Enumerable.Range(1, (int)(simulation.Duration / simulation.EvaluationInterval)).Select(k => k * simulation.EvaluationInterval);
            var now = TimeSpan.Zero;
            foreach (var moment in arrivals.Keys.Concat(evaluations).Distinct().Order())
            {
                clock.Advance(moment - now);
                now = moment;
                if (moment > TimeSpan.Zero && moment.Ticks % simulation.EvaluationInterval.Ticks == 0) await ReadAsync(moment);
                if (!arrivals.TryGetValue(moment, out var arriving)) continue;
                foreach (var chunk in arriving.Chunk(100))
                {
                    var added = await client.CreateTaskCollectionAsync("work", new BatchTaskGroup(chunk.Select(t => new BatchTaskCreateOptions
                    {
                        Id = SimulationRunner.TaskId(t.index),
                        CommandLine = "simulated",
                        EnvironmentSettings = [new EnvironmentSetting { Name = "CHPC_EMULATOR_TASK_DURATION", Value = System.Xml.XmlConvert.ToString(t.task.Duration) }],
                        RequiredSlots = t.task.Slots == 1 ? null : t.task.Slots,
                    })), Cancel);
                    Assert.All(added.Value.Value!, r => Assert.Equal(BatchTaskAddStatus.Success, r.Status));
                }
            }
            return seen;
        }
    }
}
