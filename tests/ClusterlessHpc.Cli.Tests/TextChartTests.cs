using ClusterlessHpc.Cli.Output.Charts;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>The terminal chart: blocks for nodes and pending tasks, the target above the nodes, evaluations under the axis.</summary>
public class TextChartTests
{
    [Fact]
    public void Draws_nodes_and_pending_tasks_with_evaluation_marks_and_time_labels()
    {
        var lines = TextChart.Render(SvgChartTests.Sample());
        var text = string.Join('\n', lines);

        Assert.Contains("nodes (█ current, · target above it)", lines);
        Assert.Contains("pending tasks (the most waiting in each column)", lines);
        // The node chart's top row is reached (10 nodes at the peak), as is the task chart's (200 at the start).
        var nodesTop = lines[lines.ToList().IndexOf("nodes (█ current, · target above it)") + 1];
        Assert.StartsWith("   10 │", nodesTop, StringComparison.Ordinal);
        Assert.Contains('█', nodesTop);
        var tasksTop = lines[lines.ToList().IndexOf("pending tasks (the most waiting in each column)") + 1];
        Assert.StartsWith("  200 │█", tasksTop, StringComparison.Ordinal);
        // The target rises before the nodes do: some column shows it above them.
        Assert.Contains('·', text);
        // An evaluation every 5 minutes over 3 hours: 37 evaluations fall in 60 columns of 3 minutes, at most one a column.
        var marks = lines.Single(l => l.EndsWith("^ evaluation", StringComparison.Ordinal));
        Assert.Equal(37 + 1, marks.Count(c => c == '^'));
        var labels = lines.Single(l => l.EndsWith("(h:mm)", StringComparison.Ordinal));
        Assert.Contains("0:00", labels, StringComparison.Ordinal);
        Assert.Contains("1:30", labels, StringComparison.Ordinal);
        Assert.Contains("3:00", labels, StringComparison.Ordinal);
        Assert.All(lines, line => Assert.True(line.Length <= 7 + TextChart.Columns + 20, line));
    }

    [Fact]
    public void Two_formulas_are_drawn_one_after_the_other_under_their_names()
    {
        var lines = TextChart.Render(SvgChartTests.Sample(panels: 2));
        Assert.Contains("formula 1", lines);
        Assert.Contains("formula 2", lines);
        Assert.Equal(2, lines.Count(l => l.StartsWith("nodes (", StringComparison.Ordinal)));
    }
}
