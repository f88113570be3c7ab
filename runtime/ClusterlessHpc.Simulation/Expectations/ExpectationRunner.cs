using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Simulation.Expectations
{
    /// <summary>
    /// The build's check of simulation expectations (<c>&lt;ClusterlessHpcCheckExpectations&gt;</c>, docs/autoscale.md, "In
    /// your build"). It runs in a process of its own, never in MSBuild's: the package's checker
    /// (<c>tools/ClusterlessHpc.Simulation.Checker.dll</c>) loads the built assembly with its dependencies and calls
    /// <see cref="Run(string[])"/>, which simulates each declared expectation and writes one line per finding to the results
    /// file, in the form compilers print (<c>Pools.cs(12,2): warning CHPC1056: ...</c>), at the attribute's place. The
    /// build prints that file, so MSBuild reports each line as a warning or error, also when the check itself was skipped
    /// because nothing it reads had changed.
    /// </summary>
    internal static class ExpectationRunner
    {
        /// <summary>Exit codes: 0 the results were written (whatever they hold); 3 the command line is wrong.</summary>
        public const int Done = 0;
        public const int Usage = 3;

        /// <summary>
        /// <c>--assembly PATH --project-dir DIR --results FILE [--severity warning|error]</c>. Prints a line per expectation
        /// to standard output, as build messages.
        /// </summary>
        public static int Run(string[] args) => Run(args, Console.Out);

        internal static int Run(string[] args, TextWriter log)
        {
            var options = Options.Parse(args, out var usage);
            if (options is null)
            {
                log.WriteLine("ClusterlessHpc.Simulation.Checker: " + usage);
                return Usage;
            }
            List<string> findings;
            try
            {
                var assembly = Assembly.LoadFrom(options.Assembly);
                findings = Check(PoolRegistry.FromAssembly(assembly), options.ProjectDirectory, options.Severity, log);
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or TypeLoadException or ReflectionTypeLoadException
                                          or InvalidOperationException or TargetInvocationException or MissingMemberException)
            {
                var reason = (e as TargetInvocationException)?.InnerException?.Message ?? e.Message;
                findings = [Line(options.Assembly, null, options.Severity, SimulationExpectations.CheckFailedRule, Path.GetFileName(options.Assembly), reason)];
            }
            // Written whole or not at all, so a check stopped half-way is run again by the next build.
            var temporary = options.Results + ".tmp";
            File.WriteAllLines(temporary, findings);
            File.Move(temporary, options.Results, overwrite: true);
            return Done;
        }

        /// <summary>Simulates every expectation of <paramref name="pools"/>; the lines to report (a finding each), and a message per expectation on <paramref name="log"/>.</summary>
        internal static List<string> Check(IEnumerable<PoolDefinition> pools, string projectDirectory, string severity, TextWriter log)
        {
            var findings = new List<string>();
            var checkedCount = 0;
            foreach (var pool in pools)
            {
                var expectations = SimulationExpectations.Of(pool);
                var sites = DeclarationSites.Of(pool);
                for (var i = 0; i < expectations.Count; i++)
                {
                    var expectation = expectations[i];
                    var site = sites.FirstOrDefault(s => s.Target == $"SimulationExpectation[{i.ToString(CultureInfo.InvariantCulture)}].Attribute");
                    var outcome = ExpectationCheck.Run(pool, expectation, projectDirectory);
                    checkedCount++;
                    log.WriteLine($"ClusterlessHpc: pool '{pool.Id}', expectation '{expectation.Name}': {outcome.Verdict.ToString().ToLowerInvariant()}: {outcome.Detail}");
                    if (outcome.Verdict == ExpectationVerdict.Met) continue;
                    var rule = outcome.Verdict == ExpectationVerdict.Exceeded ? SimulationExpectations.ExceededRule : SimulationExpectations.NotCheckedRule;
                    var file = site is null ? null : Path.GetFullPath(Path.Combine(projectDirectory, site.Path));
                    findings.Add(Line(file ?? pool.Id, site, severity, rule, pool.Id, expectation.Name, outcome.Detail));
                }
            }
            if (checkedCount == 0) log.WriteLine("ClusterlessHpc: no pool of this assembly declares a [SimulationExpectation]; nothing to check.");
            return findings;
        }

        /// <summary>A finding as compilers print one, which MSBuild reads from a tool's output as a warning or error.</summary>
        private static string Line(string origin, DeclarationSite? site, string severity, PoolRule rule, params object[] args)
        {
            var place = site is null ? origin : $"{origin}({site.Line.ToString(CultureInfo.InvariantCulture)},{site.Column.ToString(CultureInfo.InvariantCulture)})";
            // One line each: a message with a line break would be read as two.
            var message = rule.Format(args).Replace('\r', ' ').Replace('\n', ' ');
            return $"{place}: {severity} {rule.Id}: {message}";
        }

        private sealed record Options(string Assembly, string ProjectDirectory, string Results, string Severity)
        {
            public static Options? Parse(string[] args, out string usage)
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i + 1 < args.Length; i += 2) values[args[i]] = args[i + 1];
                usage = "usage: --assembly PATH --project-dir DIR --results FILE [--severity warning|error]";
                if (args.Length % 2 != 0 || !values.TryGetValue("--assembly", out var assembly) || !values.TryGetValue("--project-dir", out var dir) ||
                    !values.TryGetValue("--results", out var results))
                {
                    return null;
                }
                var severity = values.TryGetValue("--severity", out var s) ? s : "warning";
                if (severity is not ("warning" or "error"))
                {
                    usage = $"--severity '{severity}' must be warning or error";
                    return null;
                }
                return new Options(assembly, dir, results, severity);
            }
        }
    }
}
