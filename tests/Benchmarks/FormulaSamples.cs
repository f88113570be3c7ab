using ClusterlessHpc.AutoScale;

namespace ClusterlessHpc.Benchmarks;

/// <summary>The inputs the benchmarks and the soak share.</summary>
internal static class FormulaSamples
{
    public static readonly DateTimeOffset Now = new(2024, 5, 6, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The formula corpus of the shared reference data, kept beside the repository (../shared), as the tests read it.</summary>
    public static string CorpusFolder => Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "autoscale-corpus"));

    /// <summary>The longest example of the Microsoft documentation (corpus 06, "Example 2": 921 characters, comments included).</summary>
    public static string LongestDocumentationExample =>
        File.ReadAllText(Path.Combine(CorpusFolder, "valid", "06-msdocs-example2-task-based.txt"));

    public static IReadOnlyList<string> Corpus() =>
        Directory.GetFiles(CorpusFolder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

    /// <summary>A week of 30-second samples (20,160 each) for $CPUPercent, $ActiveTasks and $PendingTasks.</summary>
    public static AutoScaleContext Week()
    {
        const int count = 7 * 24 * 120;
        var random = new Random(5);
        SampleSeries Series(double scale) => new(Enumerable.Range(0, count)
            .Select(i => new MetricSample(Now - TimeSpan.FromSeconds(30 * (count - 1 - i)), Math.Round(random.NextDouble() * scale))));
        return new AutoScaleContext
        {
            Now = Now,
            TargetDedicatedNodes = 4,
            CurrentDedicatedNodes = 4,
            Samples = new Dictionary<string, SampleSeries>
            {
                ["$CPUPercent"] = Series(100),
                ["$ActiveTasks"] = Series(40),
                ["$PendingTasks"] = Series(60),
            },
            Random = new Random(1),
        };
    }

    /// <summary>Reads a week of each of the three metrics: averages, extremes, spreads and percentages over the whole history.</summary>
    public const string WeekFormula = """
        cpuWeek = avg($CPUPercent.GetSample(TimeInterval_Week));
        cpuDay = avg($CPUPercent.GetSample(TimeInterval_Day, 90));
        activePeak = max($ActiveTasks.GetSample(TimeInterval_Week, 95));
        activeSpread = std($ActiveTasks.GetSample(TimeInterval_Week));
        pendingLevel = avg($PendingTasks.GetSample(TimeInterval_Week)) + range($PendingTasks.GetSample(TimeInterval_Week)) / 10;
        coverage = $PendingTasks.GetSamplePercent(TimeInterval_Week);
        $TargetDedicatedNodes = coverage < 70 ? $CurrentDedicatedNodes : min(100, max(1, (activePeak + pendingLevel + activeSpread) / 4 * (cpuDay > cpuWeek ? 1.25 : 1)));
        $NodeDeallocationOption = taskcompletion;
        """;

    /// <summary>The same, keeping the week of $PendingTasks in a variable, so the results list all 20,160 values.</summary>
    public const string WeekFormulaListingSamples = WeekFormula + "\npendingWeek = $PendingTasks.GetSample(TimeInterval_Week);";
}
