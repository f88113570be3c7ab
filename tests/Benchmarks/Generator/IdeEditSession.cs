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
/// <para>
/// The analyzers are asked one of two ways (<see cref="AnalyzerRequest"/>); <see cref="AnalyzerRequest.AsTheIde"/> follows
/// Roslyn's own IDE code (dotnet/roslyn, <c>src/Features/Core/Portable/Diagnostics/Service/</c>):
/// <c>DiagnosticAnalyzerService_CompilationWithAnalyzersPair.cs</c> creates one <see cref="CompilationWithAnalyzers"/> per
/// project snapshot (cached on the project's state and checksum, so every request about that snapshot shares it), from
/// the project's compilation with its generated files, with <c>concurrentAnalysis: false</c> (the IDE's own
/// threads run analysis; concurrent analysis inside it starves them), <c>logAnalyzerExecutionTime: true</c> (for its
/// performance telemetry), <c>reportSuppressedDiagnostics: true</c> and an analyzer exception filter;
/// <c>DiagnosticAnalyzerService_CoreAnalyze.cs</c> asks it for one document with
/// <c>GetAnalysisResultAsync(syntaxTree, span, analyzers)</c> (syntax) and
/// <c>GetAnalysisResultAsync(document's semantic model, span, analyzers)</c> (semantic), the model being the document's
/// in that same compilation; the open file's squiggles (LSP's <c>DocumentDiagnosticSource</c>) pass no span: the
/// whole document. The out-of-process host (<c>DiagnosticComputer.cs</c>) likewise keeps the last project's
/// <see cref="CompilationWithAnalyzers"/> for every document request about that snapshot. The compiler's own
/// diagnostics of the document come from the compiler analyzer in the same <see cref="CompilationWithAnalyzers"/>, which
/// for one file runs on the project's compilation itself (<see cref="EditResult.CompilerTime"/> does that work
/// directly: the document's semantic model's diagnostics).
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
    public static IdeEditSession Open(Compilation input, CSharpParseOptions parseOptions, GeneratedFiles generatedFiles = GeneratedFiles.ReuseUnchanged) =>
        Open(input, parseOptions, new PoolGenerator().AsSourceGenerator(), generatedFiles);

    /// <summary>The same with another build of the pool generator (an earlier one, to compare against).</summary>
    public static IdeEditSession Open(Compilation input, CSharpParseOptions parseOptions, ISourceGenerator generator, GeneratedFiles generatedFiles = GeneratedFiles.ReuseUnchanged)
    {
        // As the IDE runs generators: implementation outputs (the pools' declaration sites) are for builds only.
        var driver = CSharpGeneratorDriver.Create([generator], parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.Implementation)).RunGenerators(input);
        var generated = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SyntaxTree);
        var output = input.AddSyntaxTrees(generated.Values);
        _ = output.WithAnalyzers(PoolAnalyzers, IdeOptions()).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new IdeEditSession(driver, input, generatedFiles, generated);
    }

    /// <summary>
    /// Replaces the character at <paramref name="position"/> of document <paramref name="document"/> (an incremental
    /// reparse, outside the timing), then reruns the driver and asks for that document's analyzer diagnostics as the IDE does.
    /// </summary>
    public EditResult ReplaceCharacter(int document, int position, char replacement) =>
        ReplaceCharacter(document, position, replacement, PoolAnalyzers, AnalyzerRequest.AsTheIde);

    /// <summary>
    /// The same, with the analyzers and the way they are asked given (an analyzer that does nothing measures Roslyn's own
    /// part); with <paramref name="compilerDiagnostics"/>, the document's compiler diagnostics are computed (and timed) after.
    /// </summary>
    public EditResult ReplaceCharacter(int document, int position, char replacement, ImmutableArray<DiagnosticAnalyzer> analyzers,
        AnalyzerRequest request, bool compilerDiagnostics = false)
    {
        var tree = _input.SyntaxTrees.ElementAt(document);
        var edited = tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(position, 1), replacement.ToString())));
        _input = _input.ReplaceSyntaxTree(tree, edited);

        var cpu0 = ProcessCpu.Now();
        var clock = Stopwatch.StartNew();
        _driver = _driver.RunGenerators(_input);
        var output = _generatedFiles == GeneratedFiles.Omitted ? _input : _input.AddSyntaxTrees(GeneratedTrees());
        var generatorTime = clock.Elapsed;
        var cpu1 = ProcessCpu.Now();
        var diagnostics = request == AnalyzerRequest.AsTheIde
            ? AnalyzeAsTheIde(output, edited, analyzers)
            : AnalyzeStandalone(output, edited, analyzers);
        var analyzerTime = clock.Elapsed - generatorTime;
        var cpu2 = ProcessCpu.Now();

        var compilerTime = TimeSpan.Zero;
        var compilerCpu = TimeSpan.Zero;
        var compiler = ImmutableArray<Diagnostic>.Empty;
        if (compilerDiagnostics)
        {
            var start = clock.Elapsed;
            compiler = output.GetSemanticModel(edited).GetDiagnostics();
            compilerTime = clock.Elapsed - start;
            compilerCpu = ProcessCpu.Now() - cpu2;
        }
        return new EditResult(generatorTime, analyzerTime, cpu1 - cpu0, cpu2 - cpu1, diagnostics, _driver.GetRunResult(), output)
        {
            CompilerTime = compilerTime,
            CompilerCpu = compilerCpu,
            CompilerDiagnostics = compiler,
        };
    }

    // One CompilationWithAnalyzers for the snapshot, asked for the document's syntax and then semantic results.
    private static ImmutableArray<Diagnostic> AnalyzeAsTheIde(Compilation output, SyntaxTree document, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var snapshot = output.WithAnalyzers(analyzers, IdeOptions());
        var syntax = snapshot.GetAnalysisResultAsync(document, filterSpan: null, analyzers, CancellationToken.None).GetAwaiter().GetResult();
        var semantic = snapshot.GetAnalysisResultAsync(output.GetSemanticModel(document), filterSpan: null, analyzers, CancellationToken.None).GetAwaiter().GetResult();
        return syntax.GetAllDiagnostics().AddRange(semantic.GetAllDiagnostics()).RemoveAll(d => d.IsSuppressed);
    }

    // As this benchmark asked before: without execution timing, through the two diagnostics-only calls.
    private static ImmutableArray<Diagnostic> AnalyzeStandalone(Compilation output, SyntaxTree document, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = output.WithAnalyzers(analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var syntax = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(document, CancellationToken.None).GetAwaiter().GetResult();
        var semantic = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(output.GetSemanticModel(document), filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
        return syntax.AddRange(semantic);
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

    // The IDE's options (see the class's remarks); its exception filter reports and goes on unless asked to crash.
    private static CompilationWithAnalyzersOptions IdeOptions() =>
        new(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: true, analyzerExceptionFilter: static _ => true);
}

/// <summary>
/// One edit's cost (wall time, and the process's CPU time on all threads) and outcome: the driver's rerun, the document's
/// analysis, what each produced; and, when asked for, the document's compiler diagnostics, which are not part of the
/// analysis figure.
/// </summary>
public sealed record EditResult(
    TimeSpan GeneratorTime, TimeSpan AnalyzerTime, TimeSpan GeneratorCpu, TimeSpan AnalyzerCpu,
    ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Run, Compilation Output)
{
    public TimeSpan Total => GeneratorTime + AnalyzerTime;

    public TimeSpan CompilerTime { get; init; }

    public TimeSpan CompilerCpu { get; init; }

    public ImmutableArray<Diagnostic> CompilerDiagnostics { get; init; } = [];
}

/// <summary>How the compilation the analyzers see gets the generated files' syntax trees after an edit.</summary>
public enum GeneratedFiles
{
    /// <summary>Unchanged generated files keep their trees, as in Roslyn's workspace.</summary>
    ReuseUnchanged,

    /// <summary>Every generated file gets a new tree, as <see cref="GeneratorDriver.RunGeneratorsAndUpdateCompilation"/> gives them.</summary>
    AllNew,

    /// <summary>
    /// The analyzers see the user's files only, which no IDE does (the pool analyzer needs nothing generated): what the
    /// generated files cost the document's analysis, by difference.
    /// </summary>
    Omitted,
}

/// <summary>How the document's analyzer diagnostics are asked for.</summary>
public enum AnalyzerRequest
{
    /// <summary>As Roslyn's IDE asks (see <see cref="IdeEditSession"/>): one <see cref="CompilationWithAnalyzers"/> for the snapshot, with the IDE's options, asked for the document's analysis results.</summary>
    AsTheIde,

    /// <summary>As this benchmark asked before: a <see cref="CompilationWithAnalyzers"/> without execution timing, asked for the document's syntax and semantic analyzer diagnostics.</summary>
    Standalone,
}
