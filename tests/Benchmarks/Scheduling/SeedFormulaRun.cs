using System.Globalization;
using System.Text.RegularExpressions;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Benchmarks.Scheduling
{
    /// <summary>
    /// <c>seed-formula</c>: the seed's autoscale formula and its corrected form, as the quickstart declares them (pools
    /// <c>cypress</c> and <c>cypress-lookback</c> of samples/Quickstart/Pools.cs), run on the pool model with 40 pending
    /// tasks, on a manual clock: one evaluation at the pool's creation, then one every 5 minutes, the samples taken every
    /// 30 s and seen by formulas <see cref="PoolModelSettings.MetricsDelay"/> late. It counts the evaluations until the
    /// pool's current dedicated nodes equal the target the formula computes by hand for 40 pending tasks (10). Everything
    /// is on the manual clock, so the figure is the same on every run; <c>SeedFormulaFigureTests</c> asserts it.
    /// </summary>
    internal static partial class SeedFormulaRun
    {
        public const int PendingTasks = 40;

        /// <summary>What the formula computes by hand once it sees samples of 40 pending tasks: min(10, avg(40, ...)).</summary>
        public const int HandTarget = 10;

        /// <summary>An hour of evaluations: a formula that has not grown the pool by then never will on these inputs.</summary>
        public const int MaxEvaluations = 13;

        public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

        /// <summary>The emulator's default (BatchEmulatorOptions.MetricsDelay), the service's documented "about a minute".</summary>
        public static readonly TimeSpan ServiceDelay = TimeSpan.FromMinutes(1);

        /// <summary>One evaluation: when (from the pool's creation), the formula's variables as the run reports them, and the pool just after.</summary>
        public sealed record Evaluation(int Number, TimeSpan At, string Results, int Target, int Current);

        /// <summary>A run: its evaluations, and how many it took until current equalled the hand target (null: never, in an hour).</summary>
        public sealed record Outcome(string Pool, TimeSpan MetricsDelay, IReadOnlyList<Evaluation> Evaluations, int? EvaluationsToTarget);

        /// <summary>The three rows of the figure: the seed's formula with and without the delay, and the corrected one with it.</summary>
        public static IReadOnlyList<Outcome> Figure() =>
        [
            Simulate("cypress", ServiceDelay),
            Simulate("cypress", TimeSpan.Zero),
            Simulate("cypress-lookback", ServiceDelay),
        ];

        public static int Run(string[] args, TextWriter output)
        {
            foreach (var outcome in Figure())
            {
                output.WriteLine($"pool {outcome.Pool}, samples seen {outcome.MetricsDelay.TotalSeconds:0} s late, {PendingTasks} pending tasks: " +
                                 (outcome.EvaluationsToTarget is { } n ? $"{n} evaluations until current = target = {HandTarget}" : $"never at {HandTarget} in {MaxEvaluations} evaluations"));
                foreach (var e in outcome.Evaluations)
                {
                    output.WriteLine($"  #{e.Number,-2} t={e.At:hh\\:mm\\:ss}  target {e.Target,2}  current {e.Current,2}  {e.Results}");
                }
            }
            return 0;
        }

        /// <summary>
        /// A pool of <paramref name="poolName"/>'s formula created at 00:00 with 40 tasks of an hour already waiting in a
        /// job on it (so $PendingTasks is 40 at every sample), evaluated until its current nodes equal the hand target,
        /// or for an hour.
        /// </summary>
        public static Outcome Simulate(string poolName, TimeSpan metricsDelay)
        {
            var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
            var clock = new ManualClock(start);
            var settings = SchedulerRun.Settings() with { MetricsDelay = metricsDelay };
            var model = new PoolModel(settings, clock, new SchedulerRun.InstantStartTasks());
            var runs = new List<AutoScaleRun>();
            model.AutoScaleEvaluated += (_, run) => runs.Add(run);

            model.AddJob(new JobSpec { Id = "work", PoolInfo = new PoolInfoSpec { PoolId = poolName } });
            model.AddTasks("work", Enumerable.Range(0, PendingTasks).Select(i => new TaskSpec
            {
                Id = "t" + i.ToString(CultureInfo.InvariantCulture),
                CommandLine = "/bin/true",
                EnvironmentSettings = [new EnvironmentSetting { Name = SimulatedTaskRun.DurationVariable, Value = "1h" }],
            }).ToList());
            var pool = SchedulerRun.Pool(poolName, 0, 0, 1);
            pool.TargetDedicatedNodes = null;
            pool.TargetLowPriorityNodes = null;
            pool.EnableAutoScale = true;
            pool.AutoScaleFormula = Formula(poolName);
            pool.AutoScaleEvaluationInterval = Interval;
            model.Add(pool);

            var evaluations = new List<Evaluation>();
            int? reached = null;
            for (var number = 1; number <= MaxEvaluations && reached is null; number++)
            {
                // A second after the evaluation: its resize has added the nodes (they take 0.2 s to boot here).
                var at = Interval * (number - 1);
                clock.Advance(start + at + TimeSpan.FromSeconds(1) - clock.GetUtcNow());
                model.Advance();
                var (target, current) = model.ReadPool(poolName, null, (p, _) => (p.TargetDedicated, p.CurrentNodes(true)));
                var run = runs[^1];
                evaluations.Add(new Evaluation(number, run.Timestamp - start, run.Error is null ? run.Results ?? "" : "error: " + run.Error.Code, target, current));
                if (target == HandTarget && current == HandTarget) reached = number;
            }
            if (runs.Count != evaluations.Count) throw new InvalidOperationException($"{runs.Count} evaluations for {evaluations.Count} intervals.");
            return new Outcome(poolName, metricsDelay, evaluations, reached);
        }

        [GeneratedRegex("\\[BatchPool\\(\"(?<name>[^\"]+)\"[^\\]]*\\][^\\[]*(?:\\[(?!AutoScale|BatchPool)[^\\]]*\\][^\\[]*)*\\[AutoScale\\(\"\"\"(?<formula>.*?)\"\"\"", RegexOptions.Singleline)]
        private static partial Regex DeclaredFormula();

        /// <summary>The formula of the quickstart's pool <paramref name="poolName"/>, as samples/Quickstart/Pools.cs declares it.</summary>
        public static string Formula(string poolName)
        {
            var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "Quickstart", "Pools.cs"));
            foreach (Match match in DeclaredFormula().Matches(source))
            {
                if (match.Groups["name"].Value != poolName) continue;
                var lines = match.Groups["formula"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
                return string.Join("\n", lines);
            }
            throw new InvalidOperationException($"samples/Quickstart/Pools.cs declares no pool '{poolName}' with an [AutoScale] formula.");
        }
    }
}
