using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ClusterlessHpc.Generator.Model;
using ClusterlessHpc.Generator.Pipeline;
using ClusterlessHpc.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterlessHpc.Generator
{
    /// <summary>
    /// The pipeline: each <c>[BatchPool] partial class</c> (or <c>partial record</c>) becomes a model, each valid model a partial class with
    /// <c>Definition</c> and <c>StartupScript</c>, and all of them the assembly's pool registry. Invalid pools
    /// get nothing here; <see cref="PoolAnalyzer"/> reports why.
    /// <para>
    /// Binding a class's attributes is the costly step, and a compilation changes with every keystroke, so the pipeline
    /// does not bind per compilation (as <c>ForAttributeWithMetadataName</c> does): a declaration is bound only when its
    /// own file changed or when something another file contributes to binding did (see <see cref="PoolDeclaration"/>).
    /// </para>
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class PoolGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // Each file's shape, from syntax only: the file's root is the same object while the file is unchanged, so
            // only an edited file is walked again.
            var project = context.SyntaxProvider
                .CreateSyntaxProvider(static (node, _) => node is CompilationUnitSyntax, static (ctx, _) => (CompilationUnitSyntax)ctx.Node)
                .Select(static (root, ct) => DeclarationShape.Of(root, ct))
                .WithTrackingName(TrackingNames.DeclarationShapes)
                .Collect()
                .Select(static (shapes, _) => ProjectDeclarations.Of(shapes));

            // The options and references, compared once per run: while they compare equal the node keeps its earlier
            // value, so every declaration's key below finds the same object and compares it by reference alone.
            var inputs = context.CompilationProvider.Select(static (compilation, _) => new CompilationInputs(compilation))
                .WithTrackingName(TrackingNames.CompilationInputs);

            // One value for the whole project, so each declaration is combined once: the shapes, the inputs, and the
            // compilation to bind in.
            var environment = project.Combine(inputs).Combine(context.CompilationProvider);

            // Every class (or record class: the analyzer treats both alike) with attributes may be a pool. Its key compares
            // without binding, so a keystroke in one file binds that file's classes and no others; a change another file
            // could make to a pool (a constant, a using, a partial declaration's attributes, a reference) changes the keys.
            var declarations = context.SyntaxProvider
                .CreateSyntaxProvider(
                    static (node, _) => node is ClassDeclarationSyntax { AttributeLists.Count: > 0 } or
                        RecordDeclarationSyntax { AttributeLists.Count: > 0, ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword },
                    // Named once per declaration: the syntax provider hands on an unchanged file's nodes as they were.
                    static (ctx, _) => (Syntax: (TypeDeclarationSyntax)ctx.Node, Name: DeclarationShape.QualifiedName((TypeDeclarationSyntax)ctx.Node)))
                .Combine(environment)
                .Select(static (item, _) => new PoolDeclaration(item.Left.Syntax, item.Left.Name, item.Right.Left.Left, item.Right.Left.Right, item.Right.Right))
                .WithTrackingName(TrackingNames.PoolDeclarations);

            // One binding step per declaration, not three: every step walks all declarations on every run. What it binds splits
            // in two: the model, which the generated class is made from, and where each attribute was written, which only
            // the implementation output below reads, so a declaration that merely moved leaves the model (and the IDE's
            // view of the generated class) unchanged.
            var bound = declarations
                .SelectMany(static (declaration, ct) => declaration.Bind(ct) is { } pool ? ImmutableArray.Create(pool) : ImmutableArray<BoundPool>.Empty)
                .WithTrackingName(TrackingNames.BoundPools);

            var models = bound
                .Select(static (pool, _) => pool.Model)
                .WithTrackingName(TrackingNames.PoolModels);

            var projectDir = context.AnalyzerConfigOptionsProvider.Select(static (options, _) => ProjectFiles.ProjectDir(options.GlobalOptions));

            // The project's *.toml additional files, for pools pinned with [JuliaManifest]: a pool without one passes through as
            // it was, so an edited manifest re-validates only the pools that name one.
            var files = context.AdditionalTextsProvider
                .Where(static text => ProjectFiles.IsCandidate(text.Path))
                .Select(static (text, ct) => (text.Path, Text: text.GetText(ct)?.ToString()))
                .Collect()
                .Combine(projectDir)
                .Select(static (pair, _) => ProjectFiles.Of(pair.Left, pair.Right));

            var resolved = models
                .Combine(files)
                .Select(static (pair, _) => WithFiles(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.ResolvedPools);

            var emittable = resolved
                .Where(static model => model.IsEmittable)
                .WithTrackingName(TrackingNames.EmittablePools);

            context.RegisterSourceOutput(emittable, static (spc, model) =>
                spc.AddSource(PoolEmitter.HintName(model), PoolEmitter.EmitPoolClass(model)));

            var registry = emittable
                .Select(static (model, _) => model.FullyQualifiedName)
                .Collect()
                .Select(static (names, _) => new EquatableArray<string>(names.OrderBy(n => n, System.StringComparer.Ordinal)))
                .WithTrackingName(TrackingNames.Registry);

            context.RegisterSourceOutput(registry, static (spc, names) =>
            {
                if (names.Count > 0) spc.AddSource(PoolEmitter.RegistryHintName, PoolEmitter.EmitRegistry(names));
            });

            // Where each emitted pool's attributes were written, for naming a failed start task's declaration at run time.
            // An implementation output: the IDE never runs it, so editing whitespace above a pool costs the editor nothing.
            var sites = bound
                .Select(static (pool, _) => pool.Sites)
                .Collect()
                .Combine(registry)
                .Combine(projectDir)
                .Select(static (input, _) => DeclarationSiteEmitter.Sites(input.Left.Left, input.Left.Right, input.Right))
                .WithTrackingName(TrackingNames.DeclarationSites);

            context.RegisterImplementationSourceOutput(sites, static (spc, pools) =>
            {
                if (pools.Count > 0) spc.AddSource(DeclarationSiteEmitter.HintName, DeclarationSiteEmitter.Emit(pools));
            });

            // The pools that declare simulation expectations, registered when the assembly loads so the build's check finds
            // them from a definition. Only the run needs it, as it needs the sites.
            var expecting = emittable
                .Where(static model => model.Expectations.Count > 0)
                .Select(static (model, _) => model.FullyQualifiedName)
                .Collect()
                .Select(static (names, _) => new EquatableArray<string>(names.OrderBy(n => n, System.StringComparer.Ordinal)))
                .WithTrackingName(TrackingNames.SimulationExpectations);

            context.RegisterImplementationSourceOutput(expecting, static (spc, names) =>
            {
                if (names.Count > 0) spc.AddSource(ExpectationEmitter.RegistrationHintName, ExpectationEmitter.EmitRegistration(names));
            });
        }

        internal static BoundPool CreateModel(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var (definition, declarations, locations) = PoolDeclarationReader.ReadAll(type, cancellationToken);
            // Listed only when every one is valid as written; the analyzer reports the rest (a workload file's presence too).
            var expectations = declarations.Count > 0 && !PoolValidator.HasErrors(SimulationExpectationRules.Check(definition, declarations, fileExists: null))
                ? new EquatableArray<SimulationExpectation>(declarations.Select(SimulationExpectationRules.ToExpectation))
                : default;
            var containing = new List<ContainingTypeModel>();
            var isGeneric = type.IsGenericType;
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                containing.Insert(0, new ContainingTypeModel(Keyword(outer), outer.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }

            // A pinned pool is validated once its manifest's texts are read (WithFiles): without them it could only fail.
            var emittable = !isGeneric &&
                            PoolDeclarationReader.IsPartialAll(type, cancellationToken) &&
                            (definition.JuliaManifest is not null || !PoolValidator.HasErrors(PoolValidator.Validate(definition)));

            var model = new PoolModel(
                type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                type.Name,
                new EquatableArray<ContainingTypeModel>(containing),
                definition,
                emittable,
                type.IsStatic,
                Keyword(type),
                expectations);
            return new BoundPool(model, new PoolSitesModel(model.FullyQualifiedName, DeclarationSiteEmitter.Read(locations, cancellationToken)));
        }

        /// <summary>The model with its manifest's texts read from the project's files, and validated with them.</summary>
        internal static PoolModel WithFiles(PoolModel model, ProjectFiles files)
        {
            if (model.Definition.JuliaManifest is null) return model;
            var definition = files.Resolve(model.Definition);
            return model with
            {
                Definition = definition,
                IsEmittable = model.IsEmittable && !PoolValidator.HasErrors(PoolValidator.Validate(definition)),
            };
        }

        private static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };
    }
}
