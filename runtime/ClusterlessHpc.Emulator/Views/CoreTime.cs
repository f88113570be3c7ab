using System;
using System.Linq;

namespace ClusterlessHpc.Emulator.Views
{
    /// <summary>
    /// The compute a pool's nodes used over a span of time, for its statistics and usage metrics alike: each node
    /// counts from its allocation, as one core (the emulator has no table of cores per VM size).
    /// </summary>
    internal static class CoreTime
    {
        public static TimeSpan Of(SimulatedPool pool, DateTimeOffset from, DateTimeOffset to, bool dedicatedOnly) =>
            pool.Nodes
                .Where(n => n.IsDedicated || !dedicatedOnly)
                .Select(n => Overlap(n.AllocationTime, from, to))
                .Aggregate(TimeSpan.Zero, (sum, span) => sum + span);

        private static TimeSpan Overlap(DateTimeOffset allocated, DateTimeOffset from, DateTimeOffset to)
        {
            var overlap = to - (allocated > from ? allocated : from);
            return overlap > TimeSpan.Zero ? overlap : TimeSpan.Zero;
        }
    }
}
