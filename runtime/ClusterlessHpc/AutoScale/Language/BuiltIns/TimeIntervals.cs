using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale.Language.BuiltIns
{
    /// <summary>The ten <c>TimeInterval_*</c> constants, as ticks of 100 ns. A year is 365 days (docs/autoscale.md).</summary>
    internal static class TimeIntervals
    {
        public const long TicksPerSecond = 10_000_000;

        public static IReadOnlyDictionary<string, long> All { get; } = new Dictionary<string, long>(System.StringComparer.Ordinal)
        {
            ["TimeInterval_Zero"] = 0,
            ["TimeInterval_100ns"] = 1,
            ["TimeInterval_Microsecond"] = 10,
            ["TimeInterval_Millisecond"] = 10_000,
            ["TimeInterval_Second"] = TicksPerSecond,
            ["TimeInterval_Minute"] = 60 * TicksPerSecond,
            ["TimeInterval_Hour"] = 3600 * TicksPerSecond,
            ["TimeInterval_Day"] = 86_400 * TicksPerSecond,
            ["TimeInterval_Week"] = 7 * 86_400 * TicksPerSecond,
            ["TimeInterval_Year"] = 365 * 86_400 * TicksPerSecond,
        };
    }
}
