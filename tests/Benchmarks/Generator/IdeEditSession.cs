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
/// <para>
/// The compilation with the generated files is built one of two ways. <see cref="GeneratedFiles.AllNew"/>: as
/// <see cref="GeneratorDriver.RunGeneratorsAndUpdateCompilation"/> builds it, from a new syntax tree for every generated
/// file, so every generated file is parsed again when the compilation is first used. <see cref="GeneratedFiles.ReuseUnchanged"/>:
/// as Roslyn's workspace (the IDE) builds it, keeping the syntax tree of every generated file whose text did not
/// change (<c>SourceGeneratedDocumentState.WithUpdatedGeneratedContent</c>), so only the changed files are parsed.
/// </para>
/// </summary>
public sealed class IdeEditSession
{
    /// <summary>The pool analyzer, as the session runs it.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> PoolAnalyzers { get; } = [new PoolAnalyzer()];

    private readonly GeneratedFiles _generatedFiles;
    private GeneratorDriver _driver;
    private Compilation _input;
    private Dictionary<string, SyntaxTree> _generated;

    private IdeEditSession(GeneratorDriver driver, Compilation input, GeneratedFiles generatedFiles, Dictionary<string, SyntaxTree> generated)
    {
        _driver = driver;
        _input = input;
        _generatedFiles = generatedFiles;
        _generated = generated;
    }

    /// <summary>The user's files, in order.</summary>
    public IReadOnlyList<SyntaxTree> Documents => _input.SyntaxTrees.ToList();

    /// <summary>Opens the project and runs the generator and the analyzer over all of it once, as an IDE does on load.</summary>
    public static IdeEditSession Open(Compilation input, CSharpParseOptions parseOptions, GeneratedFiles generatedFiles = GeneratedFiles.ReuseUnchanged)
    {
        // As the IDE runs generators: implementation outputs (the pools' declaration sites) are for builds only.
        var driver = CSharpGeneratorDriver.Create([new PoolGenerator().AsSourceGenerator()], parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.Implementation)).RunGenerators(input);
        var generated = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SyntaxTree);
        var output = input.AddSyntaxTrees(generated.Values);
        _ = output.WithAnalyzers(PoolAnalyzers, Options()).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new IdeEditSession(driver, input, generatedFiles, generated);
    }

    /// <summary>
    /// Replaces the character at <paramref name="position"/> of document <paramref name="document"/> (an incremental
    /// reparse, outside the timing), then reruns the driver and asks for that document's analyzer diagnostics.
    /// </summary>
    public EditResult ReplaceCharacter(int document, int position, char replacement) => ReplaceCharacter(document, position, replacement, PoolAnalyzers);

    /// <summary>The same, with other analyzers asked for the document's diagnostics (one that does nothing measures Roslyn's own part).</summary>
    public EditResult ReplaceCharacter(int document, int position, char replacement, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var tree = _input.SyntaxTrees.ElementAt(document);
        var edited = tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(position, 1), replacement.ToString())));
        _input = _input.ReplaceSyntaxTree(tree, edited);

        var cpu0 = ProcessCpu.Now();
        var clock = Stopwatch.StartNew();
        _driver = _driver.RunGenerators(_input);
        var output = _input.AddSyntaxTrees(GeneratedTrees());
        var generatorTime = clock.Elapsed;
        var cpu1 = ProcessCpu.Now();
        var withAnalyzers = output.WithAnalyzers(analyzers, Options());
        var syntax = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(edited, CancellationToken.None).GetAwaiter().GetResult();
        var semantic = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(output.GetSemanticModel(edited), filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
        var total = clock.Elapsed;
        var cpu2 = ProcessCpu.Now();
        return new EditResult(generatorTime, total - generatorTime, cpu1 - cpu0, cpu2 - cpu1, syntax.AddRange(semantic), _driver.GetRunResult(), output);
    }

    /// <summary>The generated files' syntax trees for the compilation the analyzers see, by <see cref="_generatedFiles"/>.</summary>
    private IEnumerable<SyntaxTree> GeneratedTrees()
    {
        var sources = _driver.GetRunResult().Results.Single().GeneratedSources;
        var trees = new Dictionary<string, SyntaxTree>(sources.Length);
        foreach (var source in sources)
        {
            // The driver hands on an unchanged output's text as it was, so most comparisons end at the reference.
            trees[source.HintName] = _generatedFiles == GeneratedFiles.ReuseUnchanged &&
                                     _generated.TryGetValue(source.HintName, out var previous) &&
                                     previous.TryGetText(out var previousText) &&
                                     (ReferenceEquals(previousText, source.SourceText) || previousText.ContentEquals(source.SourceText))
                ? previous
                : source.SyntaxTree;
        }
        _generated = trees;
        return trees.Values;
    }

    // As an editor runs them: on the caller's thread, without per-analyzer timing.
    private static CompilationWithAnalyzersOptions Options() =>
        new(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
}

/// <summary>One edit's cost (wall time, and the process's CPU time on all threads) and outcome: the driver's rerun, the document's analysis, what each produced.</summary>
public sealed record EditResult(
    TimeSpan GeneratorTime, TimeSpan AnalyzerTime, TimeSpan GeneratorCpu, TimeSpan AnalyzerCpu,
    ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Run, Compilation Output)
{
    public TimeSpan Total => GeneratorTime + AnalyzerTime;
}

/// <summary>How the compilation the analyzers see gets the generated files' syntax trees after an edit.</summary>
public enum GeneratedFiles
{
    /// <summary>Unchanged generated files keep their trees, as in Roslyn's workspace.</summary>
    ReuseUnchanged,

    /// <summary>Every generated file gets a new tree, as <see cref="GeneratorDriver.RunGeneratorsAndUpdateCompilation"/> gives them.</summary>
    AllNew,
}
