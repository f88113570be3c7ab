using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ClusterlessHpc.Generator.Model;
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
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class PoolGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var models = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    PoolDeclarationReader.BatchPoolAttributeName,
                    // A record class is a class to the analyzer too: both must see the same pools.
                    static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword },
                    static (ctx, ct) => CreateModel((INamedTypeSymbol)ctx.TargetSymbol, ct))
                .WithTrackingName(TrackingNames.PoolModels);

            var emittable = models
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
        }

        private static PoolModel CreateModel(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var definition = PoolDeclarationReader.Read(type, cancellationToken);
            var containing = new List<ContainingTypeModel>();
            var isGeneric = type.IsGenericType;
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                containing.Insert(0, new ContainingTypeModel(Keyword(outer), outer.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }

            var emittable = !isGeneric &&
                            PoolDeclarationReader.IsPartialAll(type, cancellationToken) &&
                            !PoolValidator.HasErrors(PoolValidator.Validate(definition));

            return new PoolModel(
                type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                type.Name,
                new EquatableArray<ContainingTypeModel>(containing),
                definition,
                emittable,
                type.IsStatic,
                Keyword(type));
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
