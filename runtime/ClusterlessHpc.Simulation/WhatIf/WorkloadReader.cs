using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Simulation
{
    /// <summary>Reads workload files (CSV and JSON) into tasks.</summary>
    internal static class WorkloadReader
    {
        public static Func<DateTimeOffset, TimeSpan, IReadOnlyList<SimulationTask>> Fixed(IEnumerable<SimulationTask> tasks, string source) => throw new NotImplementedException();

        public static TimeSpan CheckTaskDuration(TimeSpan duration, string source) => duration;

        public static IReadOnlyList<SimulationTask> Read(string text, string source, TimeSpan taskDuration) => throw new NotImplementedException();
    }

    /// <summary>The workload generators: <c>burst:N</c>, <c>steady:R</c>, <c>diurnal:P</c>.</summary>
    internal static class WorkloadGenerators
    {
        public static Func<DateTimeOffset, TimeSpan, IReadOnlyList<SimulationTask>>? TryParse(string spec, TimeSpan taskDuration) => throw new NotImplementedException();
    }
}
