using System;
using System.Collections.Generic;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The workload generators, each deterministic: <c>burst:N</c> (N tasks at creation), <c>steady:R</c> (task k at
    /// k × 60 / R seconds) and <c>diurnal:P</c> (the rate P × (1 + cos(2π (h − 14) / 24)) / 2 tasks a minute, h the UTC hour
    /// of the day; minute m after creation gets ⌊N(m + 1)⌋ − ⌊N(m)⌋ tasks spread evenly over it, N(t) the rate's integral
    /// from creation to t minutes).
    /// </summary>
    internal static class WorkloadGenerators
    {
        /// <summary>The generator <paramref name="spec"/> names, or null when it names none (then it is a file).</summary>
        /// <exception cref="SimulationWorkloadException">A generator's value that is not valid.</exception>
        public static Func<DateTimeOffset, TimeSpan, IReadOnlyList<SimulationTask>>? TryParse(string spec, TimeSpan taskDuration)
        {
            // The syntax is the analyzer's too (ClusterlessHpc.Rules.WorkloadSpecSyntax, compiled in), so a workload that
            // [SimulationExpectation] accepts at build time is one this runs.
            if (WorkloadSpecSyntax.Parse(spec) is not { } generator) return null;
            if (generator.Error is { } error) throw new SimulationWorkloadException(spec, null, error);
            switch (generator.Generator)
            {
                case WorkloadSpecSyntax.Burst:
                    var count = (int)generator.Value;
                    return (_, _) => Burst(count, taskDuration);
                case WorkloadSpecSyntax.Steady:
                    return (_, duration) => Steady(generator.Value, duration, taskDuration);
                default:
                    return (start, duration) => Diurnal(generator.Value, start, duration, taskDuration);
            }
        }

        private static SimulationTask[] Burst(int count, TimeSpan taskDuration)
        {
            var tasks = new SimulationTask[count];
            Array.Fill(tasks, new SimulationTask(TimeSpan.Zero, taskDuration, 1));
            return tasks;
        }

        private static List<SimulationTask> Steady(double perMinute, TimeSpan duration, TimeSpan taskDuration)
        {
            var tasks = new List<SimulationTask>();
            for (long k = 0; ; k++)
            {
                // From the index, not by adding a step, so a fractional rate does not drift.
                var arrival = TimeSpan.FromMilliseconds(Math.Round(k * 60_000 / perMinute));
                if (arrival >= duration) break;
                tasks.Add(new SimulationTask(arrival, taskDuration, 1));
            }
            return tasks;
        }

        private static List<SimulationTask> Diurnal(double peak, DateTimeOffset start, TimeSpan duration, TimeSpan taskDuration)
        {
            var tasks = new List<SimulationTask>();
            var startHour = start.UtcDateTime.TimeOfDay.TotalHours;
            // N(t): tasks expected in the first t minutes, the integral of P (1 + cos(2π (h − 14) / 24)) / 2 over them.
            double Expected(double minutes) =>
                peak / 2 * (minutes + 24 * 60 / (2 * Math.PI) *
                    (Math.Sin(2 * Math.PI * (startHour + minutes / 60 - 14) / 24) - Math.Sin(2 * Math.PI * (startHour - 14) / 24)));
            var minutesTotal = (long)Math.Ceiling(duration.TotalMinutes);
            var before = 0L;
            for (long m = 0; m < minutesTotal; m++)
            {
                // A hair of tolerance, so a count that is whole in exact arithmetic is not lost to rounding.
                var after = (long)Math.Floor(Expected(m + 1) + 1e-9);
                var count = after - before;
                before = after;
                for (var j = 0; j < count; j++)
                {
                    var arrival = TimeSpan.FromMilliseconds(Math.Round((m * 60 + j * 60.0 / count) * 1000));
                    if (arrival < duration) tasks.Add(new SimulationTask(arrival, taskDuration, 1));
                }
            }
            return tasks;
        }
    }
}
