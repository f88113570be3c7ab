using ClusterlessHpc.AutoScale;

namespace ClusterlessHpc.Tests.AutoScale;

/// <summary>Contexts for evaluation tests: regular 30-second series ending a given time before now.</summary>
internal static class TestMetrics
{
    public static readonly DateTimeOffset Monday = new(2024, 5, 6, 12, 0, 0, TimeSpan.Zero);

    /// <summary><paramref name="values"/> oldest first, the last one <paramref name="lastAge"/> before <paramref name="now"/>.</summary>
    public static SampleSeries Series(DateTimeOffset now, TimeSpan lastAge, params double[] values) =>
        new(values.Select((value, i) => new MetricSample(now - lastAge - TimeSpan.FromSeconds(30 * (values.Length - 1 - i)), value)));

    public static SampleSeries Constant(DateTimeOffset now, double value, int count, TimeSpan? lastAge = null) =>
        Series(now, lastAge ?? TimeSpan.Zero, Enumerable.Repeat(value, count).ToArray());

    public static AutoScaleContext Context(DateTimeOffset now, int dedicated = 0, int lowPriority = 0, params (string Name, SampleSeries Series)[] samples) => new()
    {
        Now = now,
        TargetDedicatedNodes = dedicated,
        CurrentDedicatedNodes = dedicated,
        TargetLowPriorityNodes = lowPriority,
        CurrentLowPriorityNodes = lowPriority,
        Samples = samples.ToDictionary(s => s.Name, s => s.Series),
        Random = new Random(7),
    };

    /// <summary>Three hours of samples for every metric, each a different slow wave, so every valid formula has data.</summary>
    public static AutoScaleContext Busy(DateTimeOffset now)
    {
        var names = new[]
        {
            "$CPUPercent", "$WallClockSeconds", "$MemoryBytes", "$DiskBytes", "$DiskReadBytes", "$DiskWriteBytes", "$DiskReadOps",
            "$DiskWriteOps", "$NetworkInBytes", "$NetworkOutBytes", "$SampleNodeCount", "$ActiveTasks", "$RunningTasks", "$PendingTasks",
            "$SucceededTasks", "$FailedTasks", "$CurrentDedicatedNodes", "$CurrentLowPriorityNodes", "$PreemptedNodeCount",
        };
        var samples = names.Select((name, k) => (name, Series(now, TimeSpan.Zero, Enumerable.Range(0, 360).Select(i => (double)((i + k) % 7)).ToArray())));
        return Context(now, 3, 1, samples.ToArray());
    }
}
