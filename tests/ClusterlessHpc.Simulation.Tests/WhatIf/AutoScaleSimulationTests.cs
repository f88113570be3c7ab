using System.Text.Json;
using ClusterlessHpc.AutoScale;

namespace ClusterlessHpc.Simulation.Tests.WhatIf
{
    /// <summary>The simulation on small cases whose numbers can be worked out by hand (the reasoning is beside each).</summary>
    public sealed class AutoScaleSimulationTests
    {
        private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

        /// <summary>
        /// Two nodes from the start, four 10-minute tasks at t=0, an hour. Reasoning: the evaluation at creation sets the target
        /// to 2; the nodes boot in 4 minutes (2 allocating, 2 starting), so two tasks run 4–14 and two 14–24: makespan
        /// 24 min, queue waits 4, 4, 14, 14 min (p50 is the 2nd of 4 = 4 min, p95 the 4th = 14 min). The pool never
        /// shrinks: 2 nodes × 1 h = 2 node-hours, each idle 0–4 (booting) and 24–60, 40 min, so 80 min idle = 4/3 h. At
        /// $0.50 a node-hour that is $1.00. Evaluations at 0, 5, ..., 60 (the end is in the span): 13; one resize (0 → 2).
        /// </summary>
        [Fact]
        public void A_fixed_pool_of_two_runs_four_tasks_as_worked_out_by_hand()
        {
            var result = new AutoScaleSimulation("$TargetDedicatedNodes = 2;", SimulationWorkload.Burst(4))
            {
                Duration = TimeSpan.FromHours(1),
                DedicatedPricePerNodeHour = 0.5m,
            }.Run();
            var summary = result.Summary;

            Assert.True(summary.Finished);
            Assert.Equal(4, summary.TasksSubmitted);
            Assert.Equal(4, summary.TasksCompleted);
            Assert.Equal(0, summary.TasksFailed);
            Assert.Equal(24 * Minute, summary.Makespan);
            Assert.Equal(4 * Minute, summary.QueueWaitP50);
            Assert.Equal(14 * Minute, summary.QueueWaitP95);
            Assert.Equal(14 * Minute, summary.QueueWaitMax);
            Assert.Equal(2.0, summary.DedicatedNodeHours, 9);
            Assert.Equal(0.0, summary.LowPriorityNodeHours, 9);
            Assert.Equal(2.0, summary.NodeHours, 9);
            Assert.Equal(80.0 / 60, summary.IdleNodeHours, 9);
            Assert.Equal(1.00m, decimal.Round(summary.Cost!.Value, 6));
            Assert.Equal(13, summary.Evaluations);
            Assert.Equal(0, summary.FailedEvaluations);
            Assert.Equal(1, summary.Resizes);
            Assert.Equal(0, summary.Preemptions);

            // The timeline: 121 samples (0, 0:30, ..., 60:00) and 13 evaluation points, in time order.
            Assert.Equal(121, result.Timeline.Count(p => !p.IsEvaluation));
            Assert.Equal(13, result.Timeline.Count(p => p.IsEvaluation));
            Assert.Equal(result.Timeline.OrderBy(p => p.Offset).Select(p => p.Offset), result.Timeline.Select(p => p.Offset));
            // At creation: the evaluation comes first (target 2, both nodes allocating), then the sample of t=0, taken as
            // the pool is created, before the job and its tasks are added; by 0:30 the four tasks wait.
            Assert.Equal(new SimulationTimelinePoint(TimeSpan.Zero, 2, 0, 2, 0, 0, 0, true, null), result.Timeline[0]);
            Assert.Equal(new SimulationTimelinePoint(TimeSpan.Zero, 2, 0, 2, 0, 0, 0, false, null), result.Timeline[1]);
            Assert.Equal(new SimulationTimelinePoint(TimeSpan.FromSeconds(30), 2, 0, 2, 0, 4, 0, false, null), result.Timeline[2]);
            // At 5:00 two run and two wait; at 15:00 the second pair runs; at 25:00 nothing is left.
            SimulationTimelinePoint SampleAt(int minutes) => result.Timeline.Single(p => !p.IsEvaluation && p.Offset == minutes * Minute);
            Assert.Equal((2, 2), (SampleAt(5).ActiveTasks, SampleAt(5).RunningTasks));
            Assert.Equal((0, 2), (SampleAt(15).ActiveTasks, SampleAt(15).RunningTasks));
            Assert.Equal((0, 0), (SampleAt(25).ActiveTasks, SampleAt(25).RunningTasks));
        }

        /// <summary>
        /// The first evaluation is at the pool's creation and sees no sample; the second, 5 minutes later, sees those taken
        /// up to a minute before it (the metrics delay): 0:00, 0:30, ..., 4:00, nine samples.
        /// </summary>
        [Fact]
        public void The_first_evaluation_is_at_creation_with_no_samples_and_the_next_sees_those_a_minute_old()
        {
            var formula = "$TargetDedicatedNodes = $PendingTasks.GetSamplePercent(TimeInterval_Minute * 10) < 10 ? 1 : max($PendingTasks.GetSample(1));";
            var result = new AutoScaleSimulation(formula, SimulationWorkload.Burst(3)) { Duration = TimeSpan.FromMinutes(10) }.Run();

            var first = result.Evaluations[0];
            Assert.Equal(TimeSpan.Zero, first.Offset);
            Assert.Equal(AutoScaleSimulation.DefaultPoolCreated, first.Time);
            Assert.Equal(0, first.SampleCount);
            Assert.All(first.Inputs.Samples!.Values, series => Assert.Equal(0, series.Count));
            Assert.Equal(1, first.Outcome.TargetDedicatedNodes);

            var second = result.Evaluations[1];
            Assert.Equal(5 * Minute, second.Offset);
            Assert.Equal(9, second.SampleCount);
            var pending = second.Samples["$PendingTasks"];
            Assert.Equal(AutoScaleSimulation.DefaultPoolCreated, pending[0].Time);
            Assert.Equal(AutoScaleSimulation.DefaultPoolCreated + 4 * Minute, pending[8].Time);
            // Three tasks pending throughout (one node of one slot runs one, two wait): 9 of the 20 samples of 10 minutes
            // is 45 %, over 10 %, so the target is the latest pending count, 3.
            Assert.Equal(3, second.Outcome.TargetDedicatedNodes);
            Assert.Equal(3, result.Evaluations.Count);
        }

        /// <summary>
        /// A formula that fails (an undefined name is an evaluation error, as on the service) leaves the targets as they
        /// were, and each failure shows on its timeline point.
        /// </summary>
        [Fact]
        public void A_failing_evaluation_keeps_the_targets_and_shows_its_error()
        {
            var result = new AutoScaleSimulation("$TargetDedicatedNodes = $NoSuchVariable;", SimulationWorkload.Burst(1)) { Duration = TimeSpan.FromMinutes(10) }.Run();
            var evaluations = result.Timeline.Where(p => p.IsEvaluation).ToList();
            Assert.Equal(3, evaluations.Count);
            Assert.All(evaluations, p => Assert.NotNull(p.Error));
            Assert.All(evaluations, p => Assert.Equal(0, p.TargetDedicatedNodes));
            Assert.Equal(3, result.Summary.FailedEvaluations);
            Assert.False(result.Summary.Finished);
            Assert.Null(result.Summary.Makespan);
            // The task never ran: it waited the whole 10 minutes.
            Assert.Equal(10 * Minute, result.Summary.QueueWaitMax);
        }

        /// <summary>
        /// Start nodes are idle at creation: with one node and one 10-minute task, the task starts at once (wait 0) and ends
        /// at 10:00 (makespan 10 min); the formula keeps the node (1 node-hour over an hour, idle 50 min).
        /// </summary>
        [Fact]
        public void Start_nodes_are_ready_at_creation()
        {
            var result = new AutoScaleSimulation("$TargetDedicatedNodes = 1;", SimulationWorkload.Burst(1))
            {
                Duration = TimeSpan.FromHours(1),
                StartNodes = 1,
            }.Run();
            Assert.Equal(TimeSpan.Zero, result.Summary.QueueWaitMax);
            Assert.Equal(10 * Minute, result.Summary.Makespan);
            Assert.Equal(1.0, result.Summary.NodeHours, 9);
            Assert.Equal(50.0 / 60, result.Summary.IdleNodeHours, 9);
            Assert.Equal(0, result.Summary.Resizes);
            Assert.Equal(TimeSpan.Zero, result.Evaluations[0].Offset);
            Assert.Equal(0, result.Evaluations[0].SampleCount);
        }

        /// <summary>
        /// The documentation's formula that follows the pending tasks of a window a minute old, with two 10-minute tasks at 0.
        /// Reasoning (a window holds the samples after its start up to its end; samples reach the formula a minute late;
        /// the sample of 0:00 is taken as the pool is created, before the job, so it shows 0 pending):
        /// 0:00 no samples, 0 % &lt; 70: 1 node, booting 0–4; task A runs 4–14.
        /// 5:00 window (2:00, 4:00]: 2 pending in each, 100 %: 2 nodes; node 2 boots 5–9, task B runs on it 9–19.
        /// 10:00 (7:00, 9:00]: 2 pending: no change.
        /// 15:00 (12:00, 14:00]: 2, 2, 2, 1 (A ended at 14:00): 1.75, a target of 1: node 1 (idle since 14:00, so it goes
        /// first) leaves 15–16.
        /// 20:00 (17:00, 19:00]: 1, 1, 1, 0: 0.75, a target of 0: node 2 (idle since 19:00) leaves 20–21.
        /// So: makespan 19 min; waits 4 and 9 min; node-hours 16 + 16 min; idle 4 booting + 2 (14–16) on node 1 and 4 + 2
        /// (19–21) on node 2, 12 min; four resizes (0→1, 1→2, 2→1, 1→0); evaluations at 0, 5, ..., 30: seven.
        /// </summary>
        [Fact]
        public void A_pool_that_follows_pending_tasks_grows_and_shrinks_as_worked_out_by_hand()
        {
            var formula = """
                $samples = $PendingTasks.GetSamplePercent(TimeInterval_Minute * 3, TimeInterval_Minute * 1);
                $tasks = $samples < 70 ? 1 : avg($PendingTasks.GetSample(TimeInterval_Minute * 3, TimeInterval_Minute * 1));
                $TargetDedicatedNodes = min(10, $tasks);
                """;
            var result = new AutoScaleSimulation(formula, SimulationWorkload.Burst(2)) { Duration = TimeSpan.FromMinutes(30) }.Run();
            var summary = result.Summary;
            Assert.Equal(19 * Minute, summary.Makespan);
            Assert.Equal(4 * Minute, summary.QueueWaitP50);
            Assert.Equal(9 * Minute, summary.QueueWaitP95);
            Assert.Equal(32.0 / 60, summary.NodeHours, 9);
            Assert.Equal(12.0 / 60, summary.IdleNodeHours, 9);
            Assert.Equal(4, summary.Resizes);
            Assert.Equal(7, summary.Evaluations);
            Assert.Equal([1, 2, 2, 1, 0, 0, 0], result.Timeline.Where(p => p.IsEvaluation).Select(p => p.TargetDedicatedNodes));
            Assert.Equal("$TargetDedicatedNodes=1;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;$samples=100;$tasks=1.75", result.Evaluations[3].Outcome.Results);
        }

        /// <summary>Preemption is drawn from the seed: the same seed gives the same run, another seed another.</summary>
        [Fact]
        public void Preemption_is_seeded_and_reproducible()
        {
            AutoScaleSimulationResult Run(int seed) => new AutoScaleSimulation("$TargetLowPriorityNodes = 4;", SimulationWorkload.Steady(1))
            {
                Duration = TimeSpan.FromHours(6),
                PreemptionsPerNodeHour = 1,
                Seed = seed,
                SpotPricePerNodeHour = 0.02m,
            }.Run();
            var a = Run(7);
            var b = Run(7);
            var c = Run(8);
            Assert.True(a.Summary.Preemptions > 0);
            Assert.Equal(a.Summary, b.Summary);
            Assert.Equal(a.Timeline, b.Timeline);
            Assert.Equal(a.ToJson(), b.ToJson());
            Assert.NotEqual(a.Timeline, c.Timeline);
            Assert.True(a.Summary.LowPriorityNodeHours > 0 && a.Summary.DedicatedNodeHours == 0);
            Assert.NotNull(a.Summary.Cost);
        }

        [Fact]
        public void The_json_holds_the_timeline_the_evaluations_a_metrics_document_and_the_summary()
        {
            var result = new AutoScaleSimulation("$TargetDedicatedNodes = 2;", SimulationWorkload.Burst(4)) { Duration = TimeSpan.FromHours(1) }.Run();
            using var document = JsonDocument.Parse(result.ToJson());
            var root = document.RootElement;
            Assert.Equal(result.Timeline.Count, root.GetProperty("timeline").GetArrayLength());
            Assert.Equal(13, root.GetProperty("evaluations").GetArrayLength());
            Assert.Equal(1440, root.GetProperty("summary").GetProperty("makespanSeconds").GetDouble());
            Assert.True(root.GetProperty("summary").GetProperty("costUsd").ValueKind == JsonValueKind.Null);
            var first = root.GetProperty("timeline")[0];
            Assert.Equal("2025-01-06T00:00:00Z", first.GetProperty("time").GetString());
            Assert.True(first.GetProperty("evaluation").GetBoolean());
            Assert.Equal(2, first.GetProperty("targetDedicatedNodes").GetInt32());

            // The metrics part is a metrics document the formula language reads: every sample of the run.
            var metrics = AutoScaleMetrics.Load(root.GetProperty("metrics").GetRawText());
            Assert.Equal(121, metrics.Samples["$ActiveTasks"].Count);
            Assert.Equal(4, metrics.Samples["$ActiveTasks"][1].Value);
        }

        /// <summary>
        /// The deallocation option replaces the formula's: two 20-minute tasks on two nodes, and at 10:00 a target of 0. With
        /// the formula's requeue both tasks go back to the queue and never finish; with taskcompletion they end at 24:00.
        /// </summary>
        [Fact]
        public void The_deallocation_option_replaces_the_formulas()
        {
            const string formula = "$TargetDedicatedNodes = time() < time(\"2025-01-06T00:09:00Z\") ? 2 : 0; $NodeDeallocationOption = requeue;";
            AutoScaleSimulationResult Run(Batch.Models.BatchNodeDeallocationOption? option) =>
                new AutoScaleSimulation(formula, SimulationWorkload.Burst(2, TimeSpan.FromMinutes(20))) { Duration = TimeSpan.FromMinutes(40), NodeDeallocationOption = option }.Run();

            var requeued = Run(null);
            Assert.False(requeued.Summary.Finished);
            Assert.Equal(Batch.Models.BatchNodeDeallocationOption.Requeue, requeued.Evaluations[2].Outcome.NodeDeallocationOption);

            var completed = Run(Batch.Models.BatchNodeDeallocationOption.TaskCompletion);
            Assert.Equal(24 * Minute, completed.Summary.Makespan);
            Assert.Equal(Batch.Models.BatchNodeDeallocationOption.TaskCompletion, completed.Evaluations[2].Outcome.NodeDeallocationOption);
        }

        [Fact]
        public void Settings_out_of_range_and_a_formula_that_does_not_parse_are_refused()
        {
            var workload = SimulationWorkload.Burst(1);
            Assert.Contains("must be from 5 minutes", Assert.Throws<ArgumentException>(() => new AutoScaleSimulation("$TargetDedicatedNodes = 1;", workload) { EvaluationInterval = Minute }.Run()).Message);
            Assert.Contains("does not parse: Line 1", Assert.Throws<ArgumentException>(() => new AutoScaleSimulation("$TargetDedicatedNodes = (1;", workload).Run()).Message);
            Assert.Contains("more than the pool's 1 task slots", Assert.Throws<ArgumentException>(() =>
                new AutoScaleSimulation("$TargetDedicatedNodes = 1;", SimulationWorkload.Read("arrival_s,duration_s,slots\n0,1,2\n", "w.csv")).Run()).Message);
        }
    }
}
