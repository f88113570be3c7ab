using System.Collections.Generic;

namespace ClusterlessHpc.Cli.Output.Charts
{
    /// <summary>What a series shows, which fixes its colour, its line and the axis it is read against.</summary>
    internal enum ChartSeriesKind
    {
        /// <summary>The nodes the formula asked for (left axis, dashed).</summary>
        TargetNodes,

        /// <summary>The nodes the pool had (left axis).</summary>
        CurrentNodes,

        /// <summary>The tasks waiting for a slot (right axis).</summary>
        PendingTasks,
    }

    /// <summary>A value from <see cref="Seconds"/> on until the next point's time.</summary>
    internal readonly record struct ChartPoint(double Seconds, double Value);

    internal sealed record ChartSeries(ChartSeriesKind Kind, IReadOnlyList<ChartPoint> Points);

    /// <summary>One plot: a formula's series and the times its evaluations ran.</summary>
    internal sealed record ChartPanel(string Title, IReadOnlyList<ChartSeries> Series, IReadOnlyList<double> EvaluationSeconds);

    /// <summary>
    /// A chart of one simulation, or of several on the same workload (one panel each, on the same scales so they compare
    /// at a glance). Plain numbers, so the drawing can be tested without running a simulation.
    /// </summary>
    internal sealed record ChartData(string Title, double DurationSeconds, IReadOnlyList<ChartPanel> Panels);
}
