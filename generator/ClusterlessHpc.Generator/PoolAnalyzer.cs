using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
            context.RegisterCompilationStartAction(start =>
            {
                var pools = new ConcurrentBag<DeclaredPool>();
                // Read when the first pinned pool needs them, once per compilation.
                var files = new System.Lazy<ProjectFiles>(() => ProjectFiles.Of(start.Options, start.CancellationToken));
                // Read when the first expectation names a workload file: only the paths, never the texts.
                var paths = new System.Lazy<System.Func<string, bool>>(() => ProjectFiles.PathsOf(start.Options));
                start.RegisterSymbolAction(symbol => AnalyzeType(symbol, pools, files, paths), SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end => ReportCollisions(end, pools));
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, ConcurrentBag<DeclaredPool> pools, System.Lazy<ProjectFiles> files, System.Lazy<System.Func<string, bool>> paths)
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

            var (declared, expectations, locations) = PoolDeclarationReader.ReadAll(type, context.CancellationToken);
            var definition = declared.JuliaManifest is null ? declared : files.Value.Resolve(declared);
            // One locator per formula argument: finding and decoding its literals is the costly part.
            var formulaLocators = new Dictionary<Location, FormulaLocator?>();
            foreach (var problem in PoolValidator.Validate(definition))
            {
                var location = Locate(problem.Target, locations, classLocation);
                if (problem.FormulaSpan is { } span)
                {
                    if (!formulaLocators.TryGetValue(location, out var locator))
                    {
                        locator = FormulaLocator.Create(location, context.Compilation, context.CancellationToken);
                        formulaLocators[location] = locator;
                    }
                    location = locator?.Locate(span) ?? location;
                }
                context.ReportDiagnostic(Diagnostic.Create(RoslynDescriptors.For(problem.Rule), location, problem.MessageArgs));
            }
            if (expectations.Count > 0)
            {
                // Checked as written; the simulation itself never runs here (only in the user's tests or the build's check).
                var fileExists = expectations.Any(e => e.IsFile) ? paths.Value : null;
                foreach (var problem in SimulationExpectationRules.Check(definition, expectations, fileExists))
                {
                    context.ReportDiagnostic(Diagnostic.Create(RoslynDescriptors.For(problem.Rule), Locate(problem.Target, locations, classLocation), problem.MessageArgs));
                }
            }
            pools.Add(new DeclaredPool(definition, type.ToDisplayString(), Locate(DefinitionTarget.PoolId, locations, classLocation)));
        }

        private static void ReportCollisions(CompilationAnalysisContext context, ConcurrentBag<DeclaredPool> pools)
        {
            // In the compilation's order of files (as the compiler orders its own duplicate-definition errors), then by
            // position: the later declaration is the one reported, whatever order the types were analyzed in or the
            // files' names sort in.
            var fileOrder = new Dictionary<SyntaxTree, int>();
            foreach (var tree in context.Compilation.SyntaxTrees) fileOrder[tree] = fileOrder.Count;
            var ordered = pools
                .OrderBy(p => p.IdLocation.SourceTree is { } tree && fileOrder.TryGetValue(tree, out var index) ? index : int.MaxValue)
                .ThenBy(p => p.IdLocation.SourceSpan.Start)
                .ThenBy(p => p.TypeName, System.StringComparer.Ordinal)
                .ToList();
            foreach (var (index, problem) in PoolValidator.ValidateTogether(ordered.Select(p => (p.Definition, p.TypeName)).ToList()))
            {
                context.ReportDiagnostic(Diagnostic.Create(RoslynDescriptors.For(problem.Rule), ordered[index].IdLocation, problem.MessageArgs));
            }
        }

        /// <summary>Where a target was written; a value that was not written (a default) is reported on the attribute, else the class.</summary>
        private static Location Locate(string target, IReadOnlyDictionary<string, Location> locations, Location classLocation)
        {
            if (locations.TryGetValue(target, out var exact)) return exact;
            var dot = target.LastIndexOf('.');
            if (dot > 0 && locations.TryGetValue(target.Substring(0, dot) + ".Attribute", out var attribute)) return attribute;
            return classLocation;
        }

        private sealed class DeclaredPool
        {
            public DeclaredPool(PoolDefinition definition, string typeName, Location idLocation)
            {
                Definition = definition;
                TypeName = typeName;
                IdLocation = idLocation;
            }

            public PoolDefinition Definition { get; }
            public string TypeName { get; }
            public Location IdLocation { get; }
        }
    }
}
