using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClusterlessHpc.Cli.Output.Charts;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Cli.Output
{
    /// <summary>A simulation's result as chpc shows it: a chart panel and the rows of the summary table.</summary>
    internal static class SimulationViews
    {
        /// <summary>Target and current nodes (dedicated and low-priority together) and pending tasks, at every timeline point.</summary>
        public static ChartPanel Panel(string title, AutoScaleSimulationResult result)
        {
            var target = new List<ChartPoint>();
            var current = new List<ChartPoint>();
            var pending = new List<ChartPoint>();
            foreach (var point in result.Timeline)
            {
                var seconds = point.Offset.TotalSeconds;
                target.Add(new ChartPoint(seconds, point.TargetDedicatedNodes + point.TargetLowPriorityNodes));
                current.Add(new ChartPoint(seconds, point.CurrentDedicatedNodes + point.CurrentLowPriorityNodes));
                pending.Add(new ChartPoint(seconds, point.ActiveTasks));
            }
            return new ChartPanel(
                title,
                [new(ChartSeriesKind.TargetNodes, target), new(ChartSeriesKind.CurrentNodes, current), new(ChartSeriesKind.PendingTasks, pending)],
                result.Evaluations.Select(e => e.Offset.TotalSeconds).ToList());
        }

        /// <summary>The summary's rows, one column per simulation: what it is, then each simulation's value.</summary>
        public static IReadOnlyList<IReadOnlyList<string>> SummaryRows(IReadOnlyList<AutoScaleSimulationResult> results)
        {
            IReadOnlyList<string> Row(string name, Func<AutoScaleSimulationResult, SimulationSummary, string> value) =>
                [name, .. results.Select(r => value(r, r.Summary))];
            return
            [
                Row("tasks", (_, s) => Invariant($"{s.TasksCompleted} of {s.TasksSubmitted} completed") + (s.TasksFailed > 0 ? Invariant($", {s.TasksFailed} failed") : "")),
                Row("makespan", (r, s) => s.Makespan is { } makespan ? DurationText.Format(makespan) : $"not finished in {DurationText.Format(r.Simulation.Duration)}"),
                Row("queue wait p50", (_, s) => DurationText.Format(s.QueueWaitP50)),
                Row("queue wait p95", (_, s) => DurationText.Format(s.QueueWaitP95)),
                Row("queue wait max", (_, s) => DurationText.Format(s.QueueWaitMax)),
                Row("node-hours", (_, s) => s.LowPriorityNodeHours > 0
                    ? Invariant($"{s.NodeHours:0.00} ({s.DedicatedNodeHours:0.00} dedicated, {s.LowPriorityNodeHours:0.00} low-priority)")
                    : Invariant($"{s.NodeHours:0.00}")),
                Row("idle node-hours", (_, s) => Invariant($"{s.IdleNodeHours:0.00}") + (s.NodeHours > 0 ? Invariant($" ({s.IdleNodeHours / s.NodeHours:0%})") : "")),
                Row("evaluations", (_, s) => Invariant($"{s.Evaluations}") + (s.FailedEvaluations > 0 ? Invariant($" ({s.FailedEvaluations} failed)") : "")),
                Row("resizes", (_, s) => Invariant($"{s.Resizes}")),
                Row("preemptions", (_, s) => Invariant($"{s.Preemptions}")),
                Row("cost", (_, s) => s.Cost is { } cost ? Invariant($"${cost:0.00}") : "n/a (no price)"),
            ];
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
