using System.Collections.Immutable;
using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterlessHpc.Generator
{
    /// <summary>
    /// Reports every broken pool rule at the attribute argument that holds the mistake. It reads declarations with
    /// the generator's reader and checks them with the runtime's validator, so the three never disagree.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PoolAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RoslynDescriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        }

        private static void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Class || !PoolDeclarationReader.IsBatchPool(type)) return;

            var classLocation = type.Locations.Length > 0 ? type.Locations[0] : Location.None;
            if (!PoolDeclarationReader.IsPartialAll(type, context.CancellationToken))
            {
                var notPartial = type.ContainingType is null ? "" : " to it and to every type it is nested in";
                context.ReportDiagnostic(Diagnostic.Create(
                    RoslynDescriptors.For(DiagnosticCatalogue.PoolClassMustBePartial), classLocation, type.Name, notPartial));
            }
            if (type.IsGenericType)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    RoslynDescriptors.For(DiagnosticCatalogue.PoolClassMustNotBeGeneric), classLocation, type.Name));
            }

            var (definition, locations) = PoolDeclarationReader.ReadWithLocations(type, context.CancellationToken);
            foreach (var problem in PoolValidator.Validate(definition))
            {
                var location = locations.TryGetValue(problem.Target, out var exact) ? exact : classLocation;
                context.ReportDiagnostic(Diagnostic.Create(RoslynDescriptors.For(problem.Rule), location, problem.MessageArgs));
            }
        }
    }
}
