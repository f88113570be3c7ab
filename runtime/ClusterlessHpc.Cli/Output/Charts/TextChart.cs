using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ClusterlessHpc.Cli.Output.Charts
{
    /// <summary>
    /// A <see cref="ChartData"/> for a terminal, in characters: per panel a block chart of the nodes (the target marked
    /// with "·" where it is above what the pool had) and one of the pending tasks, on a shared time axis with "^" under
    /// every column in which the formula was evaluated.
    /// </summary>
    internal static class TextChart
    {
        public const int Columns = 60;
        private const int Rows = 8;
        private const int Gutter = 7;

        public static IReadOnlyList<string> Render(ChartData chart)
        {
            var duration = Math.Max(chart.DurationSeconds, 60);
            var nodes = ChartScale.Count(Max(chart, k => k != ChartSeriesKind.PendingTasks), 4);
            var tasks = ChartScale.Count(Max(chart, k => k == ChartSeriesKind.PendingTasks), 4);
            var lines = new List<string>();
            foreach (var panel in chart.Panels)
            {
                if (chart.Panels.Count > 1) lines.Add(panel.Title);
                var current = Columnise(panel, ChartSeriesKind.CurrentNodes, duration, useMax: false);
                var target = Columnise(panel, ChartSeriesKind.TargetNodes, duration, useMax: false);
                var pending = Columnise(panel, ChartSeriesKind.PendingTasks, duration, useMax: true);
                lines.Add("nodes (█ current, · target above it)");
                lines.AddRange(Blocks(current, target, nodes.Top));
                lines.Add("pending tasks (the most waiting in each column)");
                lines.AddRange(Blocks(pending, null, tasks.Top));
                lines.AddRange(TimeAxis(panel, duration));
                lines.Add("");
            }
            return lines;
        }

        private static IEnumerable<string> Blocks(double[] values, double[]? marks, double top)
        {
            for (var row = Rows; row >= 1; row--)
            {
                var upper = top * row / Rows;
                var lower = top * (row - 1) / Rows;
                var label = row == Rows ? ChartScale.Number(top) : row == Rows / 2 ? ChartScale.Number(top / 2) : "";
                var line = new StringBuilder(label.PadLeft(Gutter - 2)).Append(" │");
                for (var column = 0; column < values.Length; column++)
                {
                    var value = values[column];
                    char cell;
                    if (value >= upper - 1e-9) cell = '█';
                    else if (value > lower + (upper - lower) / 2 - 1e-9) cell = '▄';
                    else if (marks is not null && marks[column] > value && marks[column] > lower && marks[column] <= upper + 1e-9) cell = '·';
                    else cell = ' ';
                    line.Append(cell);
                }
                yield return line.ToString().TrimEnd();
            }
        }

        private static IEnumerable<string> TimeAxis(ChartPanel panel, double duration)
        {
            var axis = new StringBuilder("0".PadLeft(Gutter - 2)).Append(" └").Append('─', Columns);
            var evaluations = new char[Columns];
            Array.Fill(evaluations, ' ');
            foreach (var seconds in panel.EvaluationSeconds.Where(s => s >= 0 && s <= duration))
            {
                evaluations[Math.Min(Columns - 1, (int)(seconds / duration * Columns))] = '^';
            }
            yield return axis.ToString();
            yield return (new string(' ', Gutter) + new string(evaluations)).TrimEnd() + "   ^ evaluation";

            // Labels at the start, the middle and the end of the axis, where they cannot overlap.
            var labels = new char[Columns + 8];
            Array.Fill(labels, ' ');
            foreach (var (column, seconds) in new[] { (0, 0.0), (Columns / 2, duration / 2), (Columns - 1, duration) })
            {
                var text = ChartScale.TimeLabel(seconds);
                var start = Math.Max(0, Math.Min(labels.Length - text.Length, column - text.Length / 2));
                text.CopyTo(0, labels, start, text.Length);
            }
            yield return (new string(' ', Gutter) + new string(labels)).TrimEnd() + "  (h:mm)";
        }

        /// <summary>One value per column: the value at the column's end, or the most the column saw.</summary>
        private static double[] Columnise(ChartPanel panel, ChartSeriesKind kind, double duration, bool useMax)
        {
            var values = new double[Columns];
            var points = panel.Series.FirstOrDefault(s => s.Kind == kind)?.Points ?? [];
            if (points.Count == 0) return values;
            var index = 0;
            var value = 0.0;
            for (var column = 0; column < Columns; column++)
            {
                var end = duration * (column + 1) / Columns;
                var most = value;
                while (index < points.Count && points[index].Seconds < end)
                {
                    value = points[index].Value;
                    most = Math.Max(most, value);
                    index++;
                }
                values[column] = useMax ? most : value;
            }
            return values;
        }

        private static double Max(ChartData chart, Func<ChartSeriesKind, bool> which) =>
            chart.Panels.SelectMany(p => p.Series).Where(s => which(s.Kind)).SelectMany(s => s.Points).Select(p => p.Value).DefaultIfEmpty(0).Max();
    }
}
