using ClusterlessHpc.Cli.Output.Charts;

namespace ClusterlessHpc.Cli.Tests;

/// <summary>
/// The report chart, rendered by Debian's librsvg (rsvg-convert, which CI installs; a missing tool fails the test): a
/// picture of the expected size holding each series' colour and the evaluation marks.
/// </summary>
public class SvgChartTests
{
    internal static ChartData Sample(int panels = 1)
    {
        var list = new List<ChartPanel>();
        for (var p = 0; p < panels; p++)
        {
            var target = new List<ChartPoint>();
            var current = new List<ChartPoint>();
            var pending = new List<ChartPoint>();
            var evaluations = new List<double>();
            for (var s = 0.0; s <= 3 * 3600; s += 300)
            {
                evaluations.Add(s);
                var wanted = s < 3600 ? Math.Min(10, 2 + s / 300) : Math.Max(0, 10 - (s - 3600) / 600);
                target.Add(new ChartPoint(s, Math.Round(wanted)));
                current.Add(new ChartPoint(s + 240, Math.Round(wanted) - p));
                pending.Add(new ChartPoint(s, Math.Max(0, 200 - s / 30)));
            }
            list.Add(new ChartPanel($"formula {p + 1}", [new(ChartSeriesKind.TargetNodes, target), new(ChartSeriesKind.CurrentNodes, current), new(ChartSeriesKind.PendingTasks, pending)], evaluations));
        }
        return new ChartData("burst:200 on Standard_E2s_v3 & <friends>", 3 * 3600, list);
    }

    internal static PngImage Render(string svg, string name)
    {
        using var files = new TempFiles();
        var svgPath = files.Write(name + ".svg", svg);
        var pngPath = files.PathOf(name + ".png");
        (int ExitCode, string Stdout, string Stderr) result;
        try
        {
            result = ProcessRunner.Run("rsvg-convert", ["--format=png", "--output", pngPath, svgPath], timeout: TimeSpan.FromSeconds(30));
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            // A required tool, as shellcheck is: missing, the test fails rather than skips.
            throw new InvalidOperationException("rsvg-convert (Debian's librsvg2-bin, which .ci/run installs) is needed to render the chart: " + exception.Message, exception);
        }
        Assert.True(result.ExitCode == 0, $"rsvg-convert failed: {result.Stderr}");
        var keep = Environment.GetEnvironmentVariable("CHPC_KEEP_CHARTS");
        if (!string.IsNullOrEmpty(keep)) File.Copy(pngPath, Path.Combine(keep, name + ".png"), overwrite: true);
        return PngImage.Read(File.ReadAllBytes(pngPath));
    }

    [Fact]
    public void Renders_axes_legend_series_and_evaluation_marks()
    {
        var chart = Sample();
        var svg = SvgChart.Render(chart);
        var png = Render(svg, "one-formula");

        Assert.Equal(SvgChart.Width, png.Width);
        Assert.Equal(SvgChart.Height(chart), png.Height);
        // Each series is drawn in its own colour, and the evaluations are marked.
        Assert.True(png.Count(SvgChart.Colour(ChartSeriesKind.TargetNodes)) > 300, "no target-nodes line");
        Assert.True(png.Count(SvgChart.Colour(ChartSeriesKind.CurrentNodes)) > 300, "no current-nodes line");
        Assert.True(png.Count(SvgChart.Colour(ChartSeriesKind.PendingTasks)) > 300, "no pending-tasks line");
        Assert.True(png.Count(SvgChart.EvaluationColour) > 36 * 5, "fewer evaluation marks than evaluations");
        // Text: the title (escaped), axis names, tick labels and legend.
        Assert.Contains("burst:200 on Standard_E2s_v3 &amp; &lt;friends&gt;", svg, StringComparison.Ordinal);
        foreach (var text in new[] { ">nodes<", ">pending tasks<", ">0:00<", ">1:00<", ">3:00<", ">10<", ">200<", ">target nodes<", ">formula evaluation<" })
        {
            Assert.Contains(text, svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Two_formulas_get_a_panel_each_on_the_same_scales()
    {
        var chart = Sample(panels: 2);
        var svg = SvgChart.Render(chart);
        var png = Render(svg, "two-formulas");
        Assert.Equal(SvgChart.Height(chart), png.Height);
        Assert.Contains(">formula 1<", svg, StringComparison.Ordinal);
        Assert.Contains(">formula 2<", svg, StringComparison.Ordinal);
        // The lower panel holds the current-nodes colour as well as the upper one.
        var half = png.Height / 2;
        var lower = 0;
        for (var y = half; y < png.Height; y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                var (r, g, b, _) = png[x, y];
                if (Math.Abs(r - 0x2e) < 24 && Math.Abs(g - 0x9e) < 24 && Math.Abs(b - 0x44) < 24) lower++;
            }
        }
        Assert.True(lower > 300, "the second panel has no current-nodes line");
    }

    [Fact]
    public void Time_and_count_scales_use_round_steps()
    {
        Assert.Equal((10.0, 2.0), ChartScale.Count(9, 5));
        Assert.Equal((250.0, 50.0), ChartScale.Count(201, 5));
        Assert.Equal((1.0, 1.0), ChartScale.Count(0, 5));
        Assert.Equal(1800, ChartScale.Time(3 * 3600));
        Assert.Equal(3 * 3600, ChartScale.Time(24 * 3600));
        Assert.Equal("26:05", ChartScale.TimeLabel(26 * 3600 + 300));
    }
}
