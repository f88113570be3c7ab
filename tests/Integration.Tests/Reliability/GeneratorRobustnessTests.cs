extern alias generator;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PoolAnalyzer = generator::ClusterlessHpc.Generator.PoolAnalyzer;
using PoolGenerator = generator::ClusterlessHpc.Generator.PoolGenerator;

namespace ClusterlessHpc.Integration.Tests.Reliability;

/// <summary>
/// The two things the pool-source fuzzer (<c>Benchmarks -- fuzz</c>) found, each as the smallest declaration that shows it:
/// every declaration is a diagnostic or code that compiles, and the analyzer stays under 100 ms on any input.
/// </summary>
public sealed class GeneratorRobustnessTests
{
    [Fact]
    public async Task A_static_pool_class_is_a_diagnostic_rather_than_generated_code_that_does_not_compile()
    {
        var (analyzer, generatedErrors, _) = await RunAsync("""
            using ClusterlessHpc;
            [BatchPool("static-pool")]
            public static partial class StaticPool;
            """);

        Assert.True(analyzer.Any(d => d.Id.StartsWith("CHPC", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error) || generatedErrors.Count == 0,
            "no CHPC diagnostic, and the generated code fails: " + string.Join("; ", generatedErrors));
    }

    private static async Task<(ImmutableArray<Diagnostic> Analyzer, List<string> GeneratedErrors, TimeSpan AnalyzerTime)> RunAsync(string source)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("Robustness", [CSharpSyntaxTree.ParseText(source, parse, path: "Pool.cs")], References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var generated = driver.GetRunResult().Results[0].GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        var errors = output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && generated.Contains(tree)).Select(d => d.ToString()).ToList();
        _ = compilation.GetDiagnostics(TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        var analyzer = await compilation.WithAnalyzers([new PoolAnalyzer()]).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        clock.Stop();
        return (analyzer, errors, clock.Elapsed);
    }

    private static ImmutableArray<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(BatchPoolAttribute).Assembly.Location))
            .ToImmutableArray();
}
