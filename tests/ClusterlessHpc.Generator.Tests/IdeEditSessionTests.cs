using ClusterlessHpc.Benchmarks.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClusterlessHpc.Generator.Tests;

/// <summary>The benchmark's IDE session does the work it times: an edit reaches the generated file and the document's diagnostics.</summary>
public class IdeEditSessionTests
{
    private const int Pools = 12;
    private const int Edited = 5;

    [Theory]
    [InlineData(GeneratedFiles.ReuseUnchanged, AnalyzerRequest.AsTheIde)]
    [InlineData(GeneratedFiles.AllNew, AnalyzerRequest.AsTheIde)]
    [InlineData(GeneratedFiles.ReuseUnchanged, AnalyzerRequest.Standalone)]
    public void A_keystroke_in_a_formula_regenerates_that_pool_and_reports_on_that_document(GeneratedFiles generatedFiles, AnalyzerRequest request)
    {
        var session = IdeEditSession.Open(
            GeneratorHarness.Compile(Enumerable.Range(0, Pools).Select(BenchmarkPools.Source).ToArray()),
            new CSharpParseOptions(LanguageVersion.Latest), generatedFiles);
        var text = session.Documents[Edited].ToString();
        var digit = text.IndexOf(BenchmarkPools.MaximumMarker, StringComparison.Ordinal) + BenchmarkPools.MaximumMarker.Length + 1;

        // A digit: the pool's file is generated again with the new maximum; nothing to report.
        var valid = session.ReplaceCharacter(Edited, digit, '9', IdeEditSession.PoolAnalyzers, request);
        Assert.DoesNotContain(valid.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error); // its formula gets lint warnings
        Assert.Contains("maxNumberofVMs = 19;", GeneratedFor(valid.Run, $"Bench.Pool{Edited}"));
        Assert.Equal(Pools + 1, valid.Run.GeneratedTrees.Length);
        // The compilation the analyzer saw holds the edited pool's new file, whichever way its trees were gathered.
        Assert.Contains(valid.Output.SyntaxTrees, t => t.FilePath.EndsWith($"Bench.Pool{Edited}.g.cs", StringComparison.Ordinal) && t.ToString().Contains("maxNumberofVMs = 19;"));
        Assert.Equal(2 * Pools + 1, valid.Output.SyntaxTrees.Count());

        // A stray character: the formula's error lands in the edited document, and that pool's file is withdrawn.
        var broken = session.ReplaceCharacter(Edited, digit, '?', IdeEditSession.PoolAnalyzers, request);
        var error = Assert.Single(broken.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith("CHPC", error.Id);
        Assert.Same(session.Documents[Edited], error.Location.SourceTree);
        Assert.InRange(error.Location.SourceSpan.Start, digit, digit + 1); // the stray character or the ';' it leaves unexpected
        Assert.Null(GeneratedFor(broken.Run, $"Bench.Pool{Edited}"));

        var repaired = session.ReplaceCharacter(Edited, digit, '8', IdeEditSession.PoolAnalyzers, request);
        Assert.DoesNotContain(repaired.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Contains("maxNumberofVMs = 18;", GeneratedFor(repaired.Run, $"Bench.Pool{Edited}"));
    }

    [Fact]
    public void Both_ways_of_asking_report_the_same_diagnostics_and_the_compiler_diagnostics_are_the_documents_own()
    {
        var ide = Open();
        var standalone = Open();
        var text = ide.Documents[Edited].ToString();
        var digit = text.IndexOf(BenchmarkPools.MaximumMarker, StringComparison.Ordinal) + BenchmarkPools.MaximumMarker.Length + 1;

        foreach (var replacement in "?9")
        {
            var asTheIde = ide.ReplaceCharacter(Edited, digit, replacement, IdeEditSession.PoolAnalyzers, AnalyzerRequest.AsTheIde, compilerDiagnostics: true);
            var asBefore = standalone.ReplaceCharacter(Edited, digit, replacement, IdeEditSession.PoolAnalyzers, AnalyzerRequest.Standalone);
            Assert.NotEmpty(asTheIde.Diagnostics); // the formula's lint warnings, and for '?' its error
            Assert.Equal(Describe(asBefore.Diagnostics), Describe(asTheIde.Diagnostics));

            // The compiler's own diagnostics of the edited document, timed apart from the analysis; the formula is a string
            // to the compiler, so a stray character in it is no compiler error.
            Assert.True(asTheIde.CompilerTime > TimeSpan.Zero);
            Assert.All(asTheIde.CompilerDiagnostics, d => Assert.Same(ide.Documents[Edited], d.Location.SourceTree));
            Assert.DoesNotContain(asTheIde.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal(TimeSpan.Zero, asBefore.CompilerTime);
        }
    }

    private static IdeEditSession Open() => IdeEditSession.Open(
        GeneratorHarness.Compile(Enumerable.Range(0, Pools).Select(BenchmarkPools.Source).ToArray()), new CSharpParseOptions(LanguageVersion.Latest));

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToList();

    private static string? GeneratedFor(GeneratorDriverRunResult run, string type) =>
        run.Results.Single().GeneratedSources.Where(s => s.HintName == type + ".g.cs").Select(s => s.SourceText.ToString()).SingleOrDefault();
}
