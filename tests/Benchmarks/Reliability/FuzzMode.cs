extern alias generator;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ClusterlessHpc.Benchmarks;
using ClusterlessHpc.Benchmarks.Generator;
using ClusterlessHpc.Tests.AutoScale;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using AnalyzerFormulaChecker = generator::ClusterlessHpc.AutoScale.Language.FormulaChecker;
using PoolAnalyzer = generator::ClusterlessHpc.Generator.PoolAnalyzer;
using PoolGenerator = generator::ClusterlessHpc.Generator.PoolGenerator;

namespace ClusterlessHpc.Reliability;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- fuzz [formulas] [sources] [seed]</c>: formulas through the analyzer's
/// build of the formula language (the generator assembly's <c>FormulaChecker</c>), then mutated pool declarations through the
/// real generator and analyzer on a Roslyn compilation. Nothing may throw; reports the slowest input of each (goal: under
/// 100 ms) and pools the analyzer let through whose generated code does not compile. Exits 1 when something threw or the goal was missed.
/// </summary>
public static class FuzzMode
{
    public static int Run(string[] args, TextWriter output)
    {
        var formulas = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var sources = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20261124;
        var formulasOk = Formulas(formulas, seed, output);
        var sourcesOk = Sources(sources, seed, output);
        return formulasOk && sourcesOk ? 0 : 1;
    }

    private static bool Formulas(int count, int seed, TextWriter output)
    {
        var fuzzer = new FormulaFuzzer(seed, FormulaSamples.Corpus());
        // Warm up (JIT) on inputs of another seed, so the slowest input is the input's, not the first call's.
        var warmUp = new FormulaFuzzer(seed + 1, FormulaSamples.Corpus());
        for (var i = 0; i < 2_000; i++) AnalyzerFormulaChecker.Check(warmUp.Next());
        var clock = new Stopwatch();
        var total = Stopwatch.StartNew();
        long slowest = 0;
        var slowestText = "";
        int exceptions = 0, valid = 0;
        for (var i = 0; i < count; i++)
        {
            var text = fuzzer.Next();
            clock.Restart();
            try
            {
                if (AnalyzerFormulaChecker.Check(text).Count == 0) valid++;
            }
            catch (Exception e)
            {
                exceptions++;
                output.WriteLine($"  formula {i} threw {e.GetType().Name}: {e.Message}\n    input: {Show(text)}");
            }
            clock.Stop();
            if (clock.ElapsedTicks > slowest) (slowest, slowestText) = (clock.ElapsedTicks, text);
        }
        total.Stop();
        var again = Again(() => AnalyzerFormulaChecker.Check(slowestText));
        var slowestMs = Ms(slowest);
        output.WriteLine($"fuzz formulas: {count:N0} inputs (seed {seed}) through the analyzer's FormulaChecker in {total.Elapsed.TotalSeconds:F1} s: " +
                         $"{valid:N0} valid, {count - valid - exceptions:N0} with diagnostics, {exceptions} threw");
        output.WriteLine($"  slowest: {slowestMs:F3} ms (goal < 100 ms; {again:F3} ms when run again), {slowestText.Length} characters: {Show(slowestText)}");
        return exceptions == 0 && slowestMs < 100;
    }

    private static bool Sources(int count, int seed, TextWriter output)
    {
        var fuzzer = new PoolSourceFuzzer(seed, FormulaSamples.Corpus());
        var references = RuntimeReferences.WithPools;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var analyzerExceptions = new ConcurrentQueue<string>();
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            options: new AnalyzerOptions([]), onAnalyzerException: (e, _, _) => analyzerExceptions.Enqueue($"{e.GetType().Name}: {e.Message}"),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var warmUp = new PoolSourceFuzzer(seed + 1, FormulaSamples.Corpus());
        for (var i = 0; i < 50; i++) RunOnce(warmUp.Next(), references, parse, analyzerOptions, analyzerExceptions);
        while (analyzerExceptions.TryDequeue(out _))
        {
        }
        // Timed per input: the generator and the analyzer, which is what the goal is about; and the whole run, which adds
        // Roslyn compiling the source and the generated code (the check for generated code that does not compile).
        var clock = new Stopwatch();
        Stopwatch generatorTime = new(), analyzerTime = new();
        var total = Stopwatch.StartNew();
        long slowest = 0, slowestWhole = 0;
        var slowestSource = "";
        int threw = 0, generated = 0, chpcErrors = 0, brokenGenerated = 0;
        var brokenKinds = new Dictionary<string, (int Count, string Example)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var source = fuzzer.Next();
            generatorTime.Reset();
            analyzerTime.Reset();
            clock.Restart();
            var (exceptions, files, errors, broken) = RunOnce(source, references, parse, analyzerOptions, analyzerExceptions, generatorTime, analyzerTime);
            clock.Stop();
            var ours = generatorTime.ElapsedTicks + analyzerTime.ElapsedTicks;
            if (ours > slowest) (slowest, slowestSource) = (ours, source);
            slowestWhole = Math.Max(slowestWhole, clock.ElapsedTicks);
            generated += files;
            chpcErrors += errors > 0 ? 1 : 0;
            if (exceptions.Count > 0)
            {
                threw++;
                if (threw <= 5) output.WriteLine($"  source {i} threw: {string.Join("; ", exceptions)}\n    source: {Show(source)}");
            }
            if (broken is not null)
            {
                brokenGenerated++;
                var kind = broken[(broken.IndexOf("error ", StringComparison.Ordinal) + 6)..].Split(':')[0];
                brokenKinds[kind] = brokenKinds.TryGetValue(kind, out var seen) ? (seen.Count + 1, seen.Example) : (1, $"{broken}\n      source: {Show(source)}");
            }
        }
        total.Stop();
        var again = Again(() =>
        {
            generatorTime.Reset();
            analyzerTime.Reset();
            RunOnce(slowestSource, references, parse, analyzerOptions, analyzerExceptions, generatorTime, analyzerTime);
            return generatorTime.Elapsed.TotalMilliseconds + analyzerTime.Elapsed.TotalMilliseconds;
        });
        var slowestMs = Ms(slowest);
        output.WriteLine($"fuzz pool sources: {count:N0} mutated declarations (seed {seed}) through the generator and the analyzer in " +
                         $"{total.Elapsed.TotalSeconds:F1} s: {threw} threw, {chpcErrors:N0} with a CHPC error, {generated:N0} files generated, " +
                         $"{brokenGenerated} with no CHPC error whose generated code does not compile");
        foreach (var (kind, (number, example)) in brokenKinds.OrderByDescending(k => k.Value.Count))
        {
            output.WriteLine($"  generated code fails with {kind} in {number} source(s), for example: {example}");
        }
        output.WriteLine($"  slowest, generator and analyzer: {slowestMs:F1} ms (goal < 100 ms; {again:F1} ms when run again, of which the generator " +
                         $"{generatorTime.Elapsed.TotalMilliseconds:F1} ms and the analyzer {analyzerTime.Elapsed.TotalMilliseconds:F1} ms), " +
                         $"{slowestSource.Length} characters: {Show(slowestSource)}");
        output.WriteLine($"  slowest whole run, with Roslyn compiling the source and the generated code: {Ms(slowestWhole):F1} ms");
        return threw == 0 && slowestMs < 100;
    }

    /// <summary>
    /// The generator, then the analyzer, on one source: what threw, files generated, CHPC errors, and a compile error in
    /// generated code when the analyzer reported no CHPC error (a pool it let through that the generator could not express).
    /// </summary>
    private static (List<string> Exceptions, int Files, int ChpcErrors, string? BrokenGenerated) RunOnce(
        string source, ImmutableArray<MetadataReference> references, CSharpParseOptions parse, CompilationWithAnalyzersOptions analyzerOptions,
        ConcurrentQueue<string> analyzerExceptions, Stopwatch? generatorTime = null, Stopwatch? analyzerTime = null)
    {
        var exceptions = new List<string>();
        var compilation = CSharpCompilation.Create("Fuzz", [CSharpSyntaxTree.ParseText(source, parse, path: "Fuzz.cs")], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        generatorTime?.Start();
        var driver = CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        generatorTime?.Stop();
        var result = driver.GetRunResult().Results[0];
        if (result.Exception is { } generatorException) exceptions.Add("generator: " + generatorException);
        exceptions.AddRange(generatorDiagnostics.Where(d => d.Id == "CS8785").Select(d => "generator: " + d.GetMessage(CultureInfo.InvariantCulture)));

        analyzerTime?.Start();
        var diagnostics = compilation.WithAnalyzers([new PoolAnalyzer()], analyzerOptions).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        analyzerTime?.Stop();
        while (analyzerExceptions.TryDequeue(out var thrown)) exceptions.Add("analyzer: " + thrown);
        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => "analyzer: " + d.GetMessage(CultureInfo.InvariantCulture)));

        var chpcErrors = diagnostics.Count(d => d.Id.StartsWith("CHPC", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        var generatedTrees = result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        // Only where the user's code compiles on its own: then an error in generated code is the generator's.
        var brokenGenerated = chpcErrors > 0 || compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? null : output.GetDiagnostics()
            .FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree));
        return (exceptions, result.GeneratedSources.Length, chpcErrors, brokenGenerated?.ToString());
    }

    /// <summary>The best of five more runs, to tell a slow input from a pause of the machine during its first run.</summary>
    private static double Again(Action run)
    {
        var clock = new Stopwatch();
        return Again(() =>
        {
            clock.Restart();
            run();
            return Ms(clock.ElapsedTicks);
        });
    }

    /// <summary>The best of five more runs of something that measures itself, in milliseconds.</summary>
    private static double Again(Func<double> run)
    {
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++) best = Math.Min(best, run());
        return best;
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static string Show(string text) => JsonSerializer.Serialize(text.Length > 300 ? text[..300] + "..." : text);
}
