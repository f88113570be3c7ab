extern alias generator;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PoolAnalyzer = generator::ClusterlessHpc.Generator.PoolAnalyzer;
using PoolGenerator = generator::ClusterlessHpc.Generator.PoolGenerator;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>
/// What an IDE holds for a pool project while its user types: the generator driver, which keeps the previous run's
/// state so an edit reruns only what it touched, and for each new compilation a <see cref="CompilationWithAnalyzers"/>
/// asked for the diagnostics of the one document being edited (as an editor asks for the open file's squiggles).
/// </summary>
public sealed class IdeEditSession
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [new PoolAnalyzer()];

    private GeneratorDriver _driver;
    private Compilation _input;

    private IdeEditSession(GeneratorDriver driver, Compilation input)
    {
        _driver = driver;
        _input = input;
    }

    /// <summary>The user's files, in order.</summary>
    public IReadOnlyList<SyntaxTree> Documents => _input.SyntaxTrees.ToList();

    /// <summary>Opens the project and runs the generator and the analyzer over all of it once, as an IDE does on load.</summary>
    public static IdeEditSession Open(Compilation input, CSharpParseOptions parseOptions)
    {
        var driver = CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        _ = output.WithAnalyzers(Analyzers, Options()).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new IdeEditSession(driver, input);
    }

    /// <summary>
    /// Replaces the character at <paramref name="position"/> of document <paramref name="document"/> (an incremental
    /// reparse, outside the timing), then reruns the driver and asks for that document's analyzer diagnostics.
    /// </summary>
    public EditResult ReplaceCharacter(int document, int position, char replacement)
    {
        var tree = _input.SyntaxTrees.ElementAt(document);
        var edited = tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(position, 1), replacement.ToString())));
        _input = _input.ReplaceSyntaxTree(tree, edited);

        var clock = Stopwatch.StartNew();
        _driver = _driver.RunGeneratorsAndUpdateCompilation(_input, out var output, out _);
        var generatorTime = clock.Elapsed;
        var analyzers = output.WithAnalyzers(Analyzers, Options());
        var syntax = analyzers.GetAnalyzerSyntaxDiagnosticsAsync(edited, CancellationToken.None).GetAwaiter().GetResult();
        var semantic = analyzers.GetAnalyzerSemanticDiagnosticsAsync(output.GetSemanticModel(edited), filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
        var total = clock.Elapsed;
        return new EditResult(generatorTime, total - generatorTime, syntax.AddRange(semantic), _driver.GetRunResult(), output);
    }

    // As an editor runs them: on the caller's thread, without per-analyzer timing.
    private static CompilationWithAnalyzersOptions Options() =>
        new(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
}

/// <summary>One edit's cost and outcome: the driver's rerun, the document's analysis, what each produced.</summary>
public sealed record EditResult(
    TimeSpan GeneratorTime, TimeSpan AnalyzerTime, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Run, Compilation Output)
{
    public TimeSpan Total => GeneratorTime + AnalyzerTime;
}
