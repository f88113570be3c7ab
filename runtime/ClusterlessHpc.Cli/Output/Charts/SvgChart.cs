using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;

namespace ClusterlessHpc.Cli.Output.Charts
{
    /// <summary>
    /// Draws a <see cref="ChartData"/> as a standalone SVG for a report: per panel a time axis (h:mm since the pool was
    /// created) with the evaluations marked under it, nodes on the left axis, pending tasks on the right, and a legend.
    /// </summary>
    internal static class SvgChart
    {
        public const int Width = 960;
        private const int PanelHeight = 300;
        private const int Left = 70;
        private const int Right = 80;
        private const int TitleHeight = 44;
        private const int PanelTop = 34;
        private const int PanelBottom = 58;
        private const int LegendHeight = 36;
        private const string Font = "DejaVu Sans, Helvetica, Arial, sans-serif";

        /// <summary>The colours of the series, also what the rendering test looks for in the picture.</summary>
        public static string Colour(ChartSeriesKind kind) => kind switch
        {
            ChartSeriesKind.TargetNodes => "#1f5fbf",
            ChartSeriesKind.CurrentNodes => "#2e9e44",
            _ => "#e8590c",
        };

        public const string EvaluationColour = "#7a4fb0";

        public static string Label(ChartSeriesKind kind) => kind switch
        {
            ChartSeriesKind.TargetNodes => "target nodes",
            ChartSeriesKind.CurrentNodes => "current nodes",
            _ => "pending tasks (right axis)",
        };

        public static int Height(ChartData chart) => TitleHeight + chart.Panels.Count * (PanelTop + PanelHeight + PanelBottom) + LegendHeight;

        public static string Render(ChartData chart)
        {
            var height = Height(chart);
            var svg = new StringBuilder();
            svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"{Font}\" font-size=\"12\">\n"));
            svg.Append(Invariant($"  <rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n"));
            // A long title (two formulas, a workload file's path) gets a smaller font rather than running off the picture.
            var titleSize = Math.Clamp((Width - 40) / (0.66 * Math.Max(1, chart.Title.Length)), 11, 18);
            svg.Append(Invariant($"  <text x=\"{Width / 2}\" y=\"28\" text-anchor=\"middle\" font-size=\"{titleSize:0.#}\" font-weight=\"bold\">{Escape(chart.Title)}</text>\n"));

            // One scale for every panel, so two formulas compare by eye.
            var duration = Math.Max(chart.DurationSeconds, 60);
            var nodes = ChartScale.Count(Max(chart, kind => kind != ChartSeriesKind.PendingTasks));
            var tasks = ChartScale.Count(Max(chart, kind => kind == ChartSeriesKind.PendingTasks));
            var timeStep = ChartScale.Time(duration);
            for (var index = 0; index < chart.Panels.Count; index++)
            {
                var top = TitleHeight + index * (PanelTop + PanelHeight + PanelBottom) + PanelTop;
                Panel(svg, chart.Panels[index], top, duration, timeStep, nodes, tasks);
            }
            Legend(svg, height - LegendHeight + 14);
            svg.Append("</svg>\n");
            return svg.ToString();
        }

        private static void Panel(StringBuilder svg, ChartPanel panel, double top, double duration, double timeStep, (double Top, double Step) nodes, (double Top, double Step) tasks)
        {
            var plotWidth = Width - Left - Right;
            var bottom = top + PanelHeight;
            double X(double seconds) => Left + Math.Clamp(seconds, 0, duration) / duration * plotWidth;
            double YNodes(double value) => bottom - Math.Clamp(value, 0, nodes.Top) / nodes.Top * PanelHeight;
            double YTasks(double value) => bottom - Math.Clamp(value, 0, tasks.Top) / tasks.Top * PanelHeight;

            svg.Append(Invariant($"  <g>\n    <text x=\"{Left}\" y=\"{top - 10}\" font-size=\"14\" font-weight=\"bold\">{Escape(panel.Title)}</text>\n"));
            // Grid and left axis (nodes).
            foreach (var tick in ChartScale.Ticks(nodes.Top, nodes.Step))
            {
                var y = YNodes(tick);
                svg.Append(Invariant($"    <line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Left + plotWidth}\" y2=\"{y:0.#}\" stroke=\"#e4e4e4\"/>\n"));
                svg.Append(Invariant($"    <text x=\"{Left - 8}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{ChartScale.Number(tick)}</text>\n"));
            }
            foreach (var tick in ChartScale.Ticks(tasks.Top, tasks.Step))
            {
                svg.Append(Invariant($"    <text x=\"{Left + plotWidth + 8}\" y=\"{YTasks(tick) + 4:0.#}\" fill=\"{Colour(ChartSeriesKind.PendingTasks)}\">{ChartScale.Number(tick)}</text>\n"));
            }
            svg.Append(Invariant($"    <text transform=\"translate({Left - 48},{top + PanelHeight / 2}) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">nodes</text>\n"));
            svg.Append(Invariant($"    <text transform=\"translate({Left + plotWidth + 62},{top + PanelHeight / 2}) rotate(90)\" text-anchor=\"middle\" font-size=\"13\" fill=\"{Colour(ChartSeriesKind.PendingTasks)}\">pending tasks</text>\n"));

            // Time axis: ticks and labels, then the evaluations as short marks just under the axis.
            foreach (var tick in ChartScale.Ticks(duration, timeStep))
            {
                var x = X(tick);
                svg.Append(Invariant($"    <line x1=\"{x:0.#}\" y1=\"{bottom}\" x2=\"{x:0.#}\" y2=\"{bottom + 5}\" stroke=\"#444444\"/>\n"));
                svg.Append(Invariant($"    <text x=\"{x:0.#}\" y=\"{bottom + 30}\" text-anchor=\"middle\">{ChartScale.TimeLabel(tick)}</text>\n"));
            }
            foreach (var evaluation in panel.EvaluationSeconds.Where(s => s >= 0 && s <= duration))
            {
                // On whole pixels, so each mark is crisp rather than smeared over two columns.
                var x = Math.Round(X(evaluation));
                svg.Append(Invariant($"    <line x1=\"{x:0.#}\" y1=\"{bottom + 6}\" x2=\"{x:0.#}\" y2=\"{bottom + 16}\" stroke=\"{EvaluationColour}\" stroke-width=\"2\"/>\n"));
            }
            svg.Append(Invariant($"    <text x=\"{Left + plotWidth / 2}\" y=\"{bottom + 50}\" text-anchor=\"middle\" font-size=\"13\">time since the pool was created (h:mm)</text>\n"));
            svg.Append(Invariant($"    <rect x=\"{Left}\" y=\"{top}\" width=\"{plotWidth}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#444444\"/>\n"));

            // Tasks first, so the node lines are drawn over them.
            foreach (var series in panel.Series.OrderByDescending(s => s.Kind))
            {
                if (series.Points.Count == 0) continue;
                Func<double, double> y = series.Kind == ChartSeriesKind.PendingTasks ? YTasks : YNodes;
                var dash = series.Kind == ChartSeriesKind.TargetNodes ? " stroke-dasharray=\"7 4\"" : "";
                var width = series.Kind == ChartSeriesKind.PendingTasks ? 2 : 2.5;
                svg.Append(Invariant($"    <path d=\"{StepPath(series.Points, X, y, duration)}\" fill=\"none\" stroke=\"{Colour(series.Kind)}\" stroke-width=\"{width}\"{dash}/>\n"));
            }
            svg.Append("  </g>\n");
        }

        /// <summary>Each value holds until the next point: counts change in steps, not along slopes.</summary>
        private static string StepPath(IReadOnlyList<ChartPoint> points, Func<double, double> x, Func<double, double> y, double duration)
        {
            var path = new StringBuilder();
            path.Append(Invariant($"M{x(points[0].Seconds):0.#},{y(points[0].Value):0.#}"));
            for (var i = 1; i < points.Count; i++)
            {
                path.Append(Invariant($" H{x(points[i].Seconds):0.#} V{y(points[i].Value):0.#}"));
            }
            path.Append(Invariant($" H{x(duration):0.#}"));
            return path.ToString();
        }

        private static void Legend(StringBuilder svg, double y)
        {
            var x = (double)Left;
            svg.Append("  <g>\n");
            foreach (var kind in new[] { ChartSeriesKind.TargetNodes, ChartSeriesKind.CurrentNodes, ChartSeriesKind.PendingTasks })
            {
                var dash = kind == ChartSeriesKind.TargetNodes ? " stroke-dasharray=\"7 4\"" : "";
                svg.Append(Invariant($"    <line x1=\"{x}\" y1=\"{y - 4}\" x2=\"{x + 30}\" y2=\"{y - 4}\" stroke=\"{Colour(kind)}\" stroke-width=\"2.5\"{dash}/>\n"));
                svg.Append(Invariant($"    <text x=\"{x + 38}\" y=\"{y}\">{Label(kind)}</text>\n"));
                x += 60 + Label(kind).Length * 7;
            }
            svg.Append(Invariant($"    <line x1=\"{x + 15}\" y1=\"{y - 10}\" x2=\"{x + 15}\" y2=\"{y + 2}\" stroke=\"{EvaluationColour}\" stroke-width=\"2\"/>\n"));
            svg.Append(Invariant($"    <text x=\"{x + 26}\" y=\"{y}\">formula evaluation</text>\n"));
            svg.Append("  </g>\n");
        }

        private static double Max(ChartData chart, Func<ChartSeriesKind, bool> which) =>
            chart.Panels.SelectMany(p => p.Series).Where(s => which(s.Kind)).SelectMany(s => s.Points).Select(p => p.Value).DefaultIfEmpty(0).Max();

        private static string Escape(string text) => SecurityElement.Escape(text) ?? "";

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
