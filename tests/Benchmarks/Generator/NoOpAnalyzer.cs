using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>
/// An analyzer with the pool analyzer's registration (a symbol action on named types, on non-generated code) that does
/// nothing: timed in its place, it measures what the analyzer driver costs by itself.
/// </summary>
#pragma warning disable RS1001, RS1041, RS1036, RS2008 // a measuring stand-in, never loaded by a compiler
internal sealed class NoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("BENCH0001", "Nothing", "Nothing", "Benchmark", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
    }
}
