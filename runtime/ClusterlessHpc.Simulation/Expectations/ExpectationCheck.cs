using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ClusterlessHpc.Simulation.Expectations
{
    /// <summary>How a declared expectation came out.</summary>
    internal enum ExpectationVerdict
    {
        /// <summary>The simulated makespan and cost are within every bound.</summary>
        Met,

        /// <summary>A bound was exceeded (CHPC1056).</summary>
        Exceeded,

        /// <summary>The simulation could not say: the workload could not be read, the formula could not run, or no cost could be worked out (CHPC1057).</summary>
        NotChecked,
    }

    /// <summary>One expectation's verdict and what it says: the simulated makespan and cost against each bound.</summary>
    internal sealed record ExpectationOutcome(ExpectationVerdict Verdict, string Detail);

    /// <summary>
    /// Runs one <see cref="SimulationExpectation"/> of a pool through <see cref="AutoScaleSimulation"/> and compares the
    /// makespan and cost with its bounds. A workload file's path is taken from the project's folder.
    /// </summary>
    internal static class ExpectationCheck
    {
        public static ExpectationOutcome Run(PoolDefinition pool, SimulationExpectation expectation, string projectDirectory)
        {
            AutoScaleSimulationResult result;
            try
            {
                var workload = IsFile(expectation)
                    ? SimulationWorkload.Load(Path.Combine(projectDirectory, expectation.Workload), expectation.TaskDuration)
                    : SimulationWorkload.Parse(expectation.Workload, expectation.TaskDuration);
                result = new AutoScaleSimulation(pool, workload)
                {
                    Duration = expectation.Duration,
                    DedicatedPricePerNodeHour = expectation.PricePerNodeHour,
                    SpotPricePerNodeHour = expectation.SpotPricePerNodeHour,
                }.Run();
            }
            catch (SimulationWorkloadException e)
            {
                return new(ExpectationVerdict.NotChecked, "the workload cannot be used: " + e.Message);
            }
            catch (ArgumentException e)
            {
                return new(ExpectationVerdict.NotChecked, "the simulation cannot run: " + e.Message);
            }
            return Judge(expectation, result.Summary);
        }

        /// <summary>The verdict on a simulation's summary.</summary>
        public static ExpectationOutcome Judge(SimulationExpectation expectation, SimulationSummary summary)
        {
            var exceeded = new List<string>();
            var within = new List<string>();
            var unknown = new List<string>();

            var makespan = summary.Makespan is { } m ? Span(m) : $"not finished within {Span(expectation.Duration)} ({summary.TasksCompleted} of {summary.TasksSubmitted} tasks done)";
            if (expectation.MaxMakespan is { } maxMakespan)
            {
                if (summary.Makespan is { } actual && actual <= maxMakespan) within.Add($"makespan {makespan} ≤ {Span(maxMakespan)}");
                else exceeded.Add($"simulated makespan {makespan} exceeds the expected {Span(maxMakespan)}");
            }
            else
            {
                within.Add("makespan " + makespan);
            }

            var cost = summary.Cost is { } c ? Money(c) : null;
            if (expectation.MaxCostUsd is { } maxCost)
            {
                if (summary.Cost is not { } actual)
                {
                    unknown.Add(summary.LowPriorityNodeHours > 0 && expectation.SpotPricePerNodeHour is null
                        ? $"the formula used {Hours(summary.LowPriorityNodeHours)} low-priority node-hours and the expectation gives no SpotPricePerNodeHour"
                        : $"the formula used {Hours(summary.DedicatedNodeHours)} dedicated node-hours and the expectation gives no PricePerNodeHour");
                }
                else if (actual <= maxCost)
                {
                    within.Add($"cost {cost} ≤ {Money(maxCost)}");
                }
                else
                {
                    exceeded.Add($"simulated cost {cost} exceeds the expected {Money(maxCost)}");
                }
            }
            else if (cost is not null)
            {
                within.Add("cost " + cost);
            }

            var context = $"{summary.TasksSubmitted} tasks of {expectation.Workload} over {Span(expectation.Duration)}, {Hours(summary.NodeHours)} node-hours";
            if (exceeded.Count > 0)
            {
                var rest = within.Count > 0 ? "; " + string.Join(", ", within) : "";
                return new(ExpectationVerdict.Exceeded, $"{string.Join(" and ", exceeded)} ({context}{rest})");
            }
            if (unknown.Count > 0) return new(ExpectationVerdict.NotChecked, $"no cost can be worked out: {string.Join(", ", unknown)} ({context})");
            return new(ExpectationVerdict.Met, $"{string.Join(", ", within)} ({context})");
        }

        private static bool IsFile(SimulationExpectation expectation) => ClusterlessHpc.Rules.WorkloadSpecSyntax.Parse(expectation.Workload) is null;

        /// <summary><c>01:12:00</c>, as the attribute's durations are written (days as <c>1.06:00:00</c>).</summary>
        private static string Span(TimeSpan value) => TimeSpan.FromSeconds(Math.Round(value.TotalSeconds)).ToString("c", CultureInfo.InvariantCulture);

        private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " USD";

        private static string Hours(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
