using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>
    /// A pool's usage metrics as <c>/poolusagemetrics</c> lists them: one entry per aggregation interval the pool
    /// existed in. The service aggregates over half-hour intervals on the clock (its recorded answers run
    /// 18:30–19:00); an interval is available once it has ended.
    /// </summary>
    internal static class UsageMetricsView
    {
        public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

        /// <summary>The start of the interval <paramref name="time"/> falls in.</summary>
        public static DateTimeOffset IntervalStart(DateTimeOffset time)
        {
            var utc = time.ToUniversalTime();
            return new DateTimeOffset(utc.Ticks - utc.Ticks % Interval.Ticks, TimeSpan.Zero);
        }

        /// <summary>The entries of <paramref name="pool"/> for the intervals starting in [<paramref name="from"/>, <paramref name="to"/>).</summary>
        public static IEnumerable<(string Key, JsonObject Json)> Render(SimulatedPool pool, DateTimeOffset from, DateTimeOffset to)
        {
            for (var start = IntervalStart(from); start < to; start += Interval)
            {
                var end = start + Interval;
                if (end <= pool.CreationTime) continue;
                var hours = CoreTime.Of(pool, start, end, dedicatedOnly: false).TotalHours;
                yield return (pool.Id + "/" + start.UtcTicks.ToString("D20", CultureInfo.InvariantCulture), new JsonObject
                {
                    ["poolId"] = pool.Id,
                    ["startTime"] = Timestamp(start),
                    ["endTime"] = Timestamp(end),
                    ["vmSize"] = ServiceSpelling.VmSize(pool.Spec.VmSize),
                    ["totalCoreHours"] = hours,
                });
            }
        }

        private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
