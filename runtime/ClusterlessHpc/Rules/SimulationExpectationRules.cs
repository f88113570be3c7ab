using System;
using System.Collections.Generic;
using System.Globalization;
using ClusterlessHpc.Diagnostics;
using A = ClusterlessHpc.Declarations.ExpectationAttribute;
using T = ClusterlessHpc.Diagnostics.DefinitionTarget;

namespace ClusterlessHpc.Rules
{
    /// <summary>
    /// Rules for <c>[SimulationExpectation]</c>: what the analyzer can know without running anything (the workload's
    /// syntax, a workload file's presence among the project's files, durations, amounts, a price for a cost bound). The
    /// simulation itself runs only in the user's tests or the build's check, never in the analyzer.
    /// </summary>
    internal static class SimulationExpectationRules
    {
        /// <summary>The longest span a simulation runs (the simulation's own limit).</summary>
        public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(366);

        /// <summary>The longest task the simulation runs.</summary>
        public static readonly TimeSpan MaxTaskDuration = TimeSpan.FromDays(180);

        /// <param name="pool">The pool the expectations are declared on.</param>
        /// <param name="expectations">Its expectations, in declaration order.</param>
        /// <param name="fileExists">Whether a project-relative path names one of the project's files; null to not check.</param>
        public static IReadOnlyList<PoolDiagnostic> Check(PoolDefinition pool, IReadOnlyList<SimulationExpectationDeclaration> expectations, Func<string, bool>? fileExists)
        {
            var found = new List<PoolDiagnostic>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < expectations.Count; i++)
            {
                var e = expectations[i];
                string Target(string argument) => A.Description.TargetOf(i, argument);
                var attribute = Target(T.WholeAttribute);

                if (pool.AutoScale is null)
                {
                    found.Add(new(DiagnosticCatalogue.SimulationExpectationNeedsAutoScale, attribute, pool.Id));
                }
                CheckWorkload(e, Target(A.Workload.Name), fileExists, found);
                CheckDuration(e.MaxMakespan, A.MaxMakespan.Name, Target, null, found);
                CheckDuration(e.Duration, A.Duration.Name, Target, MaxDuration, found);
                CheckDuration(e.TaskDuration, A.TaskDuration.Name, Target, MaxTaskDuration, found);
                CheckAmount(e.MaxCostUsd, A.MaxCostUsd.Name, Target, found);
                CheckAmount(e.PricePerNodeHour, A.PricePerNodeHour.Name, Target, found);
                CheckAmount(e.SpotPricePerNodeHour, A.SpotPricePerNodeHour.Name, Target, found);
                if (e.MaxCostUsd is not null && e.PricePerNodeHour is null && e.SpotPricePerNodeHour is null)
                {
                    found.Add(new(DiagnosticCatalogue.SimulationCostBoundNeedsPrice, Target(A.MaxCostUsd.Name), e.EffectiveName));
                }
                if (e.MaxMakespan is null && e.MaxCostUsd is null)
                {
                    found.Add(new(DiagnosticCatalogue.SimulationExpectationNeedsBound, attribute, e.EffectiveName));
                }
                if (!names.Add(e.EffectiveName))
                {
                    found.Add(new(DiagnosticCatalogue.SimulationExpectationNamesMustBeUnique,
                        e.Name is null ? Target(A.Workload.Name) : Target(A.Name.Name),
                        e.EffectiveName, pool.Id));
                }
            }
            return found;
        }

        /// <summary>The expectation a valid declaration declares.</summary>
        public static SimulationExpectation ToExpectation(SimulationExpectationDeclaration e)
        {
            var expectation = new SimulationExpectation(e.EffectiveName, e.Workload)
            {
                MaxMakespan = Duration(e.MaxMakespan),
                MaxCostUsd = Amount(e.MaxCostUsd),
                PricePerNodeHour = Amount(e.PricePerNodeHour),
                SpotPricePerNodeHour = Amount(e.SpotPricePerNodeHour),
            };
            if (Duration(e.Duration) is { } duration) expectation = expectation with { Duration = duration };
            if (Duration(e.TaskDuration) is { } taskDuration) expectation = expectation with { TaskDuration = taskDuration };
            return expectation;
        }

        private static void CheckWorkload(SimulationExpectationDeclaration e, string target, Func<string, bool>? fileExists, List<PoolDiagnostic> found)
        {
            if (e.Workload.Trim().Length == 0)
            {
                found.Add(new(DiagnosticCatalogue.SimulationWorkloadMustBeValid, target, e.Workload, "it is empty: give a generator such as 'burst:200', 'steady:2' or 'diurnal:3', or a CSV or JSON file's path"));
                return;
            }
            if (WorkloadSpecSyntax.Parse(e.Workload) is { } generator)
            {
                if (generator.Error is { } error) found.Add(new(DiagnosticCatalogue.SimulationWorkloadMustBeValid, target, e.Workload, error));
                return;
            }
            if (fileExists is not null && !fileExists(e.Workload))
            {
                found.Add(new(DiagnosticCatalogue.SimulationWorkloadFileMustBeFound, target, e.Workload));
            }
        }

        private static void CheckDuration(string? text, string property, Func<string, string> target, TimeSpan? max, List<PoolDiagnostic> found)
        {
            if (text is null) return;
            var limit = max is { } m ? $"more than 0 and at most {m.TotalDays.ToString(CultureInfo.InvariantCulture)} days" : "more than 0";
            if (!DurationSyntax.TryParse(text, out var value) || (max is { } most && value > most))
            {
                found.Add(new(DiagnosticCatalogue.SimulationDurationMustBeValid, target(property), property, text, limit));
            }
        }

        private static void CheckAmount(double? value, string property, Func<string, string> target, List<PoolDiagnostic> found)
        {
            if (value is not { } amount) return;
            if (double.IsNaN(amount) || double.IsInfinity(amount) || amount <= 0 || amount > 1e12)
            {
                found.Add(new(DiagnosticCatalogue.SimulationAmountMustBePositive, target(property), property, amount.ToString("R", CultureInfo.InvariantCulture)));
            }
        }

        private static TimeSpan? Duration(string? text) => text is not null && DurationSyntax.TryParse(text, out var value) ? value : null;

        // From the attribute's double, to the 15 significant digits a double holds: 0.096 stays 0.096.
        private static decimal? Amount(double? value) => value is { } amount ? (decimal)amount : null;
    }
}
