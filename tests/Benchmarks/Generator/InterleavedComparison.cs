using System.Diagnostics;
using System.Globalization;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>
/// <c>compare-generators [iterations]</c>: the generator comparison with the two rows interleaved, one iteration of each
/// in turn, so that a change in the machine's load between the rows (which BenchmarkDotNet runs one after the other)
/// cannot tilt the ratio. Reports each row's median, its error (half the 99.9% confidence interval of the mean), the
/// ratio of the medians and whether each error is below their difference; wall and process CPU time.
/// </summary>
internal static class InterleavedComparison
{
    public static int Run(string[] args, TextWriter output)
    {
        var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var benchmarks = new GeneratorBenchmarks();
        benchmarks.Setup();
        var rows = new (string Name, Func<int> Action, List<double> Wall, List<double> Cpu)[]
        {
            ("System.Text.Json generator, 500 types", benchmarks.SystemTextJsonGenerator, [], []),
            ("ClusterlessHpc generator + analyzer, 500 pools", benchmarks.PoolGeneratorAndAnalyzer, [], []),
        };
        for (var i = 0; i < MedianComparisonConfig.WarmupCount; i++)
        {
            foreach (var row in rows) row.Action();
        }
        for (var i = 0; i < iterations; i++)
        {
            // Alternate which row goes first, so neither always follows the other's garbage.
            for (var r = 0; r < rows.Length; r++)
            {
                var row = rows[(r + i) % rows.Length];
                var cpu = ProcessCpu.Now();
                var clock = Stopwatch.StartNew();
                row.Action();
                row.Wall.Add(clock.Elapsed.TotalMilliseconds);
                row.Cpu.Add((ProcessCpu.Now() - cpu).TotalMilliseconds);
            }
        }

        output.WriteLine($"{iterations} interleaved iterations of each row after {MedianComparisonConfig.WarmupCount} warm-up iterations");
        foreach (var (label, pick) in new (string, Func<(string, Func<int>, List<double> Wall, List<double> Cpu), List<double>>)[] { ("wall", r => r.Wall), ("CPU", r => r.Cpu) })
        {
            var baseline = pick(rows[0]);
            var mine = pick(rows[1]);
            var difference = Math.Abs(Stats.Median(mine) - Stats.Median(baseline));
            foreach (var row in rows)
            {
                var values = pick(row);
                var error = Stats.Error(values);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{label,-5} {row.Name,-48} median {Stats.Median(values),7:F1} ms  error {error,5:F1} ms  {(error < difference ? "below" : "NOT below")} the difference of medians ({difference:F1} ms)"));
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-5} median ratio {Stats.Median(mine) / Stats.Median(baseline):F2}"));
        }
        return 0;
    }
}
