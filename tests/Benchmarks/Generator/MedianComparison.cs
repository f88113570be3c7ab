using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>
/// The generator comparison's job and columns. A compile step takes hundreds of milliseconds and the machine may be
/// shared, so each row gets many single-invocation iterations; both rows run in one process, one after the other,
/// and the summary puts the ratio of their medians beside a check that the difference between the medians is larger
/// than each row's error (half its 99.9% confidence interval): a ratio without that check is noise.
/// </summary>
public sealed class MedianComparisonConfig : ManualConfig
{
    public const int WarmupCount = 10;
    public const int IterationCount = 60;

    public MedianComparisonConfig()
    {
        AddJob(Job.Default
            .WithWarmupCount(WarmupCount)
            .WithIterationCount(IterationCount)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Compare"));
        AddColumn(StatisticColumn.Median, new MedianRatioColumn(), new ErrorBelowDifferenceColumn());
    }
}

/// <summary>This row's median over the baseline row's median.</summary>
public sealed class MedianRatioColumn : IColumn
{
    public string Id => nameof(MedianRatioColumn);
    public string ColumnName => "Median ratio";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Baseline;
    public int PriorityInCategory => 10;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "This row's median over the baseline's median";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var mine = summary[benchmarkCase]?.ResultStatistics;
        var theirs = baseline is null ? null : summary[baseline]?.ResultStatistics;
        return mine is null || theirs is null ? "?" : (mine.Median / theirs.Median).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Whether this row's error is smaller than the difference between the two rows' medians, with both figures; when
/// it is not, the ratio cannot be told from noise and the run needs more iterations or a quieter machine.
/// </summary>
public sealed class ErrorBelowDifferenceColumn : IColumn
{
    public string Id => nameof(ErrorBelowDifferenceColumn);
    public string ColumnName => "Error below median difference";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => false;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Whether this row's error (half its 99.9% confidence interval) is smaller than the difference between the two medians";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mine = summary[benchmarkCase]?.ResultStatistics;
        var other = summary.BenchmarksCases.Where(c => c != benchmarkCase).Select(c => summary[c]?.ResultStatistics).FirstOrDefault(s => s is not null);
        if (mine is null || other is null) return "?";
        var difference = Math.Abs(mine.Median - other.Median) / 1e6;
        var error = mine.ConfidenceInterval.Margin / 1e6;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return (error < difference ? "yes" : "NO") + string.Create(inv, $" ({error:F1} ms vs {difference:F1} ms)");
    }
}
