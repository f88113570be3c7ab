using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>
/// <c>ide-edit [pools] [edits] [all-new|without-generated] [baseline=generator.dll]</c>: what a user feels while typing in a pool project held
/// by an IDE. One character of one formula changes per edit (a digit of the maximum, back and forth, pool by pool); each
/// edit is timed as the driver's rerun plus the analyzer's diagnostics for the edited document, asked as Roslyn's IDE asks
/// (see <see cref="IdeEditSession"/>). Goal: under 5 ms. Three kinds of edit take turns, so the machine's load falls on
/// all alike: the pool analyzer asked as the IDE asks (the goal's figure), the same asked as this benchmark asked before,
/// and an analyzer that does nothing asked as the IDE asks (Roslyn's analyzer driver by itself). After each, the document's
/// compiler diagnostics are timed too, apart: the IDE computes them for the same keystroke, but they are not the goal's.
/// With <c>all-new</c>, every generated file gets a new syntax tree after each edit, as
/// <c>RunGeneratorsAndUpdateCompilation</c> gives them; with <c>without-generated</c>, the analyzers see no generated file
/// (no IDE does that: the difference is what those files cost the analysis). With <c>baseline=</c>, a second project held by another build of
/// the generator (an earlier commit's <c>ClusterlessHpc.Generator.dll</c>) takes every edit too, its driver's rerun timed
/// beside this build's, each going first in turn; every 25th edit, both must have generated the same files, text for text.
/// </summary>
internal static class IdeEditMode
{
    public static int Run(string[] args, TextWriter output)
    {
        var pools = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var edits = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 400;
        // "all-new": the generated files as RunGeneratorsAndUpdateCompilation gives them, each parsed again after every edit.
        // "without-generated": the analyzers see the user's files only, to tell what the generated files cost them.
        var generatedFiles = args.Skip(3).Contains("all-new") ? GeneratedFiles.AllNew
            : args.Skip(3).Contains("without-generated") ? GeneratedFiles.Omitted
            : GeneratedFiles.ReuseUnchanged;
        var baselinePath = args.Skip(3).Where(a => a.StartsWith("baseline=", StringComparison.Ordinal)).Select(a => a["baseline=".Length..]).FirstOrDefault();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var input = CSharpCompilation.Create("Pools",
            Enumerable.Range(0, pools).Select(i => CSharpSyntaxTree.ParseText(BenchmarkPools.Source(i), parseOptions, path: $"Pool{i}.cs")),
            RuntimeReferences.WithPools,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var session = IdeEditSession.Open(input, parseOptions, generatedFiles);
        var baseline = baselinePath is null ? null : IdeEditSession.Open(input, parseOptions, BaselineGenerator.Load(baselinePath), generatedFiles);
        var pool = IdeEditSession.PoolAnalyzers;
        ImmutableArray<DiagnosticAnalyzer> nothing = [new NoOpAnalyzer()];

        var kinds = new (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, AnalyzerRequest Request)[]
        {
            ("document's analyzer diagnostics, asked as the IDE asks", pool, AnalyzerRequest.AsTheIde),
            ("  the same, asked as this benchmark asked before", pool, AnalyzerRequest.Standalone),
            ("  the same as the IDE asks, analyzer doing nothing", nothing, AnalyzerRequest.AsTheIde),
        };
        var warmup = Math.Max(20, edits / 10);
        var totals = new Samples();
        var driver = new Samples();
        var baselineDriver = new Samples();
        var compiler = new Samples();
        var analysis = kinds.Select(_ => new Samples()).ToArray();
        for (var e = 0; e < warmup + kinds.Length * edits; e++)
        {
            var document = e * 7 % pools;
            var text = session.Documents[document].ToString();
            var position = text.IndexOf(BenchmarkPools.MaximumMarker, StringComparison.Ordinal) + BenchmarkPools.MaximumMarker.Length + 1;
            var replacement = text[position] == '9' ? '8' : '9';
            var kind = e % kinds.Length;

            // The baseline's driver goes first on every other edit, so neither always runs after the other's garbage.
            EditResult? before = null;
            if (baseline is not null && e % 2 == 0) before = baseline.ReplaceCharacter(document, position, replacement, nothing, AnalyzerRequest.AsTheIde);
            var result = session.ReplaceCharacter(document, position, replacement, kinds[kind].Analyzers, kinds[kind].Request, compilerDiagnostics: true);
            if (baseline is not null && e % 2 == 1) before = baseline.ReplaceCharacter(document, position, replacement, nothing, AnalyzerRequest.AsTheIde);

            // Both builds must generate the same files, text for text (checked now and then, outside the timing).
            if (before is not null && e % 25 == 0) SameOutput(result.Run, before.Run, e);

            // The formula's lint warnings (a 30-second look-back) are reported on every edit, as a user would see them; an error is not.
            if (kinds[kind].Analyzers == pool && result.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
                throw new InvalidOperationException("an edit that keeps the formula valid was reported: " + error);
            if (e < warmup) continue;
            driver.Add(result.GeneratorTime, result.GeneratorCpu);
            compiler.Add(result.CompilerTime, result.CompilerCpu);
            if (before is not null) baselineDriver.Add(before.GeneratorTime, before.GeneratorCpu);
            analysis[kind].Add(result.AnalyzerTime, result.AnalyzerCpu);
            if (kind == 0) totals.Add(result.Total, result.GeneratorCpu + result.AnalyzerCpu);
        }

        output.WriteLine($"{pools} pools, {edits} edits of each kind ({kinds.Length} kinds, in turn) after {warmup} warm-up edits; one character of one formula each");
        output.WriteLine(generatedFiles switch
        {
            GeneratedFiles.AllNew => "generated files: a new syntax tree for each after every edit (as RunGeneratorsAndUpdateCompilation gives them)",
            GeneratedFiles.Omitted => "generated files: left out of the compilation the analyzers see (no IDE does that; a measure of what they cost)",
            _ => "generated files: unchanged ones keep their syntax trees (as Roslyn's workspace keeps them)",
        });
        foreach (var (label, pick) in new (string, Func<Samples, List<double>>)[] { ("wall time:", s => s.Wall), ("process CPU time (all threads), less disturbed by other work on the machine:", s => s.Cpu) })
        {
            output.WriteLine(label);
            output.WriteLine(Row("driver rerun + document's analyzer diagnostics (goal)", pick(totals)));
            output.WriteLine(Row("  driver rerun", pick(driver)));
            if (baseline is not null)
            {
                output.WriteLine(Row("  driver rerun, baseline generator", pick(baselineDriver)));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"driver rerun, this build over the baseline",-56} median ratio {Stats.Median(pick(driver)) / Stats.Median(pick(baselineDriver)),5:F2}"));
            }
            for (var k = 0; k < kinds.Length; k++) output.WriteLine(Row("  " + kinds[k].Name, pick(analysis[k])));
            output.WriteLine(Row("  not in the goal: document's compiler diagnostics", pick(compiler)));
        }
        return 0;
    }

    private static void SameOutput(GeneratorDriverRunResult mine, GeneratorDriverRunResult baseline, int edit)
    {
        var theirs = baseline.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText);
        var ours = mine.Results.Single().GeneratedSources;
        if (ours.Length != theirs.Count || ours.Any(s => !theirs.TryGetValue(s.HintName, out var text) || !text.ContentEquals(s.SourceText)))
            throw new InvalidOperationException($"after edit {edit}, this build generated other files than the baseline generator");
    }

    private static string Row(string name, List<double> values) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-58} median {Stats.Median(values),7:F2} ms  error {Stats.Error(values),6:F2} ms  mean {values.Average(),7:F2} ms");

    private sealed class Samples
    {
        public List<double> Wall { get; } = [];
        public List<double> Cpu { get; } = [];

        public void Add(TimeSpan wall, TimeSpan cpu)
        {
            Wall.Add(wall.TotalMilliseconds);
            Cpu.Add(cpu.TotalMilliseconds);
        }
    }
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
