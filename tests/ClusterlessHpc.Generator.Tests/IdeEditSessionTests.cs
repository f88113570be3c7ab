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
    [InlineData(GeneratedFiles.ReuseUnchanged)]
    [InlineData(GeneratedFiles.AllNew)]
    public void A_keystroke_in_a_formula_regenerates_that_pool_and_reports_on_that_document(GeneratedFiles generatedFiles)
    {
        var session = IdeEditSession.Open(
            GeneratorHarness.Compile(Enumerable.Range(0, Pools).Select(BenchmarkPools.Source).ToArray()),
            new CSharpParseOptions(LanguageVersion.Latest), generatedFiles);
        var text = session.Documents[Edited].ToString();
        var digit = text.IndexOf(BenchmarkPools.MaximumMarker, StringComparison.Ordinal) + BenchmarkPools.MaximumMarker.Length + 1;

        // A digit: the pool's file is generated again with the new maximum; nothing to report.
        var valid = session.ReplaceCharacter(Edited, digit, '9');
        Assert.DoesNotContain(valid.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error); // its formula gets lint warnings
        Assert.Contains("maxNumberofVMs = 19;", GeneratedFor(valid.Run, $"Bench.Pool{Edited}"));
        Assert.Equal(Pools + 1, valid.Run.GeneratedTrees.Length);
        // The compilation the analyzer saw holds the edited pool's new file, whichever way its trees were gathered.
        Assert.Contains(valid.Output.SyntaxTrees, t => t.FilePath.EndsWith($"Bench.Pool{Edited}.g.cs", StringComparison.Ordinal) && t.ToString().Contains("maxNumberofVMs = 19;"));
        Assert.Equal(2 * Pools + 1, valid.Output.SyntaxTrees.Count());

        // A stray character: the formula's error lands in the edited document, and that pool's file is withdrawn.
        var broken = session.ReplaceCharacter(Edited, digit, '?');
        var error = Assert.Single(broken.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith("CHPC", error.Id);
        Assert.Same(session.Documents[Edited], error.Location.SourceTree);
        Assert.InRange(error.Location.SourceSpan.Start, digit, digit + 1); // the stray character or the ';' it leaves unexpected
        Assert.Null(GeneratedFor(broken.Run, $"Bench.Pool{Edited}"));

        var repaired = session.ReplaceCharacter(Edited, digit, '8');
        Assert.DoesNotContain(repaired.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Contains("maxNumberofVMs = 18;", GeneratedFor(repaired.Run, $"Bench.Pool{Edited}"));
    }

    private static string? GeneratedFor(GeneratorDriverRunResult run, string type) =>
        run.Results.Single().GeneratedSources.Where(s => s.HintName == type + ".g.cs").Select(s => s.SourceText.ToString()).SingleOrDefault();
}
