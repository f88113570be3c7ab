using System.Text.RegularExpressions;
using ClusterlessHpc.Benchmarks.Scheduling;

namespace ClusterlessHpc.Simulation.Tests
{
    /// <summary>
    /// The figure of docs/performance.md ("the seed's formula with 40 pending tasks"), from the same run the benchmark's
    /// <c>seed-formula</c> mode prints: the evaluations until the pool reaches the 10 nodes the formula computes by hand.
    /// </summary>
    public sealed class SeedFormulaFigureTests
    {
        [Fact]
        public void With_the_services_delay_the_seed_formula_never_reaches_its_hand_target_and_without_it_or_corrected_it_takes_two_evaluations()
        {
            var figure = SeedFormulaRun.Figure();

            Assert.Equal(
                [("cypress", 60, (int?)null), ("cypress", 0, 2), ("cypress-lookback", 60, 2)],
                figure.Select(o => (o.Pool, (int)o.MetricsDelay.TotalSeconds, o.EvaluationsToTarget)));
            var seed = figure[0].Evaluations;
            Assert.Equal(SeedFormulaRun.MaxEvaluations, seed.Count);
            Assert.All(seed, e => Assert.Equal((1, 1), (e.Target, e.Current)));
            Assert.All(seed, e => Assert.Contains("pendingTaskSamplePercent=0;pendingTaskSamples=1;", e.Results, StringComparison.Ordinal));
            Assert.Equal(TimeSpan.FromHours(1), seed[^1].At);
            foreach (var grown in new[] { figure[1], figure[2] })
            {
                Assert.Equal([(TimeSpan.Zero, 1, 1), (TimeSpan.FromMinutes(5), 10, 10)], grown.Evaluations.Select(e => (e.At, e.Target, e.Current)));
                Assert.Contains("pendingTaskSamplePercent=0;pendingTaskSamples=1;", grown.Evaluations[0].Results, StringComparison.Ordinal);
                Assert.Contains("pendingTaskSamplePercent=100;pendingTaskSamples=40;", grown.Evaluations[1].Results, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void The_quickstarts_cypress_formula_is_the_seeds_example()
        {
            SharedReferenceData.Require();
            var page = File.ReadAllText(SharedReferenceData.Path("seed", "pools.md"));
            var example = Regex.Match(page, "auto_scale_formula = \"\"\"(?<formula>.*?)\"\"\"", RegexOptions.Singleline).Groups["formula"].Value;

            // The page escapes '$' for Julia's string; spaces around '=' differ and mean nothing to the formula.
            static string Canonical(string formula) => Regex.Replace(formula.Replace("\\$", "$", StringComparison.Ordinal), "\\s+", "");
            Assert.NotEmpty(example);
            Assert.Equal(Canonical(example), Canonical(SeedFormulaRun.Formula("cypress")));
        }
    }
}
