using static ClusterlessHpc.Simulation.Tests.ModelFixtures;

namespace ClusterlessHpc.Simulation.Tests
{
    /// <summary>
    /// The autoscale loop over a simulated day: every evaluation happens at its own time on the pool as it was then,
    /// so one jump of the clock over the day gives exactly what advancing it minute by minute gives.
    /// </summary>
    public sealed class AutoScaleTimeOrderTests
    {
        // Each evaluation reads the node count the previous one produced, so a skipped or late evaluation shows.
        private const string Growing = "$TargetDedicatedNodes = $CurrentDedicatedNodes < 6 ? $CurrentDedicatedNodes + 1 : 1;";

        private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);
        private static readonly TimeSpan Day = TimeSpan.FromDays(1);

        [Fact]
        public void One_jump_over_a_day_gives_the_same_evaluations_and_nodes_as_advancing_minute_by_minute()
        {
            var stepwise = Run(clock =>
            {
                for (var minute = 0; minute < Day.TotalMinutes; minute++) clock.Advance(TimeSpan.FromMinutes(1));
            });
            var jumped = Run(clock => clock.Advance(Day));

            Assert.Equal(stepwise.Runs, jumped.Runs);
            Assert.Equal(stepwise.Nodes, jumped.Nodes);
            Assert.Equal(stepwise.Target, jumped.Target);
        }

        [Fact]
        public void Every_interval_the_clock_jumps_over_is_evaluated_in_order()
        {
            var jumped = Run(clock => clock.Advance(Day));

            // The evaluation at creation, then one per interval through the day.
            Assert.Equal(1 + (int)(Day / Interval), jumped.Runs.Count);
            Assert.Equal(Enumerable.Range(0, jumped.Runs.Count).Select(i => Start + i * Interval), jumped.Runs.Select(r => r.At));
            Assert.All(jumped.Runs, r => Assert.Null(r.Error));
            // 1, 2, ..., 6, then back to 1: each evaluation saw the nodes the one before it asked for.
            Assert.Equal(Enumerable.Range(0, 14).Select(i => $"$TargetDedicatedNodes={i % 6 + 1}"),
                jumped.Runs.Take(14).Select(r => r.Results!.Split(';')[0]));
        }

        [Fact]
        public void A_jump_of_several_intervals_lands_where_the_schedule_is_not_where_the_clock_stopped()
        {
            var clock = new ManualClock(Start);
            var model = Model(clock);
            model.Add(Pool("late", formula: Growing, interval: Interval));

            clock.Advance(3 * Interval + TimeSpan.FromMinutes(7));
            var (run, next) = model.ReadPool("late", null, (pool, _) => (pool.AutoScaleRun!.Timestamp, pool.NextEvaluation));

            Assert.Equal(Start + 3 * Interval, run);
            Assert.Equal(Start + 4 * Interval, next);
        }

        private static Outcome Run(Action<ManualClock> advance)
        {
            var clock = new ManualClock(Start);
            var model = Model(clock);
            var runs = new List<(DateTimeOffset At, string? Results, string? Error)>();
            model.AutoScaleEvaluated += (_, run) => runs.Add((run.Timestamp, run.Results, run.Error?.Code));
            model.Add(Pool("day", formula: Growing, interval: Interval));

            advance(clock);
            model.Advance();

            return model.ReadPool("day", null, (pool, _) => new Outcome(
                runs,
                pool.Nodes.Select(n => (n.Phase, n.Since, n.AllocationTime)).OrderBy(n => n.AllocationTime).ThenBy(n => n.Since).ToList(),
                pool.TargetDedicated));
        }

        private sealed record Outcome(
            List<(DateTimeOffset At, string? Results, string? Error)> Runs,
            List<(NodePhase Phase, DateTimeOffset Since, DateTimeOffset AllocationTime)> Nodes,
            int Target);
    }
}
