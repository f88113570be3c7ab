using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>
/// <c>ide-edit [pools] [edits] [all-new]</c>: what a user feels while typing in a pool project held by an IDE. One character of
/// one formula changes per edit (a digit of the maximum, back and forth, pool by pool); each edit is timed as the
/// driver's rerun plus the analyzer's diagnostics for the edited document. Goal: under 5 ms. With <c>all-new</c>, every
/// generated file gets a new syntax tree after each edit, as <c>RunGeneratorsAndUpdateCompilation</c> gives them (see
/// <see cref="IdeEditSession"/>).
/// </summary>
internal static class IdeEditMode
{
    public static int Run(string[] args, TextWriter output)
    {
        var pools = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var edits = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 400;
        // "all-new": the generated files as RunGeneratorsAndUpdateCompilation gives them, each parsed again after every edit.
        var generatedFiles = args.Length > 3 && args[3] == "all-new" ? GeneratedFiles.AllNew : GeneratedFiles.ReuseUnchanged;
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var input = CSharpCompilation.Create("Pools",
            Enumerable.Range(0, pools).Select(i => CSharpSyntaxTree.ParseText(BenchmarkPools.Source(i), parseOptions, path: $"Pool{i}.cs")),
            RuntimeReferences.WithPools,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var session = IdeEditSession.Open(input, parseOptions, generatedFiles);
        var pool = IdeEditSession.PoolAnalyzers;
        ImmutableArray<DiagnosticAnalyzer> nothing = [new NoOpAnalyzer()];

        // Even edits ask the pool analyzer for the document's diagnostics, odd ones an analyzer that does nothing, each as
        // the first to analyze its edit's compilation: the second row is what Roslyn's analyzer driver costs by itself.
        var warmup = Math.Max(20, edits / 10);
        var totals = new List<double>();
        var generator = new List<double>();
        var analyzer = new List<double>();
        var noOp = new List<double>();
        var generatorCpu = new List<double>();
        var analyzerCpu = new List<double>();
        var noOpCpu = new List<double>();
        for (var e = 0; e < warmup + 2 * edits; e++)
        {
            var document = e * 7 % pools;
            var text = session.Documents[document].ToString();
            var position = text.IndexOf(BenchmarkPools.MaximumMarker, StringComparison.Ordinal) + BenchmarkPools.MaximumMarker.Length + 1;
            var measured = e % 2 == 0;
            var result = session.ReplaceCharacter(document, position, text[position] == '9' ? '8' : '9', measured ? pool : nothing);
            if (measured && result.Diagnostics.Length != 0) throw new InvalidOperationException("an edit that keeps the formula valid was reported: " + result.Diagnostics[0]);
            if (e < warmup) continue;
            generator.Add(result.GeneratorTime.TotalMilliseconds);
            generatorCpu.Add(result.GeneratorCpu.TotalMilliseconds);
            if (measured)
            {
                totals.Add(result.Total.TotalMilliseconds);
                analyzer.Add(result.AnalyzerTime.TotalMilliseconds);
                analyzerCpu.Add(result.AnalyzerCpu.TotalMilliseconds);
            }
            else
            {
                noOp.Add(result.AnalyzerTime.TotalMilliseconds);
                noOpCpu.Add(result.AnalyzerCpu.TotalMilliseconds);
            }
        }

        output.WriteLine($"{pools} pools, {edits} measured edits (and {edits} with an analyzer that does nothing) after {warmup} warm-up edits; one character of one formula each");
        output.WriteLine(generatedFiles == GeneratedFiles.AllNew
            ? "generated files: a new syntax tree for each after every edit (as RunGeneratorsAndUpdateCompilation gives them)"
            : "generated files: unchanged ones keep their syntax trees (as Roslyn's workspace keeps them)");
        output.WriteLine(Row("driver rerun + document's analyzer diagnostics", totals));
        output.WriteLine(Row("  driver rerun", generator));
        output.WriteLine(Row("  document's analyzer diagnostics", analyzer));
        output.WriteLine(Row("  the same, an analyzer that does nothing", noOp));
        output.WriteLine("process CPU time (all threads), less disturbed by other work on the machine:");
        output.WriteLine(Row("  driver rerun", generatorCpu));
        output.WriteLine(Row("  document's analyzer diagnostics", analyzerCpu));
        output.WriteLine(Row("  the same, an analyzer that does nothing", noOpCpu));
        return 0;
    }

    private static string Row(string name, List<double> values) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-50} median {Stats.Median(values),7:F2} ms  error {Stats.Error(values),6:F2} ms  mean {values.Average(),7:F2} ms");
}

/// <summary>The figures the console modes report the way BenchmarkDotNet does: median, and error = half the 99.9% confidence interval of the mean.</summary>
internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public static double Error(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n < 2) return double.NaN;
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        return StudentT999(n - 1) * sd / Math.Sqrt(n);
    }

    // The 0.9995 quantile of Student's t (two-sided 99.9%), by the Cornish-Fisher expansion around the normal's 3.2905:
    // within 1% from 10 degrees of freedom up.
    private static double StudentT999(int df)
    {
        const double z = 3.2905267314919255;
        double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
        return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df) +
               (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * df * df * df);
    }
}
