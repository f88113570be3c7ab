using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ClusterlessHpc.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterlessHpc.Generator
{
    /// <summary>
    /// The only code that reads symbols: turns a class's ClusterlessHpc attributes into a <see cref="PoolDefinition"/>.
    /// The generator and the analyzer both use it; the analyzer also asks where each value was written.
    /// </summary>
    internal sealed class PoolDeclarationReader
    {
        public const string AttributeNamespace = "ClusterlessHpc";
        public const string BatchPoolAttributeName = "ClusterlessHpc.BatchPoolAttribute";

        private readonly Dictionary<string, Location>? _locations;

        private PoolDeclarationReader(bool recordLocations)
        {
            _locations = recordLocations ? new Dictionary<string, Location>() : null;
        }

        /// <summary>Where each definition target was written; empty unless the reader was asked to record them.</summary>
        public IReadOnlyDictionary<string, Location> Locations => _locations ?? new Dictionary<string, Location>();

        public static PoolDefinition Read(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            new PoolDeclarationReader(recordLocations: false).ReadDefinition(type, cancellationToken);

        public static (PoolDefinition Definition, IReadOnlyDictionary<string, Location> Locations) ReadWithLocations(
            INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var reader = new PoolDeclarationReader(recordLocations: true);
            return (reader.ReadDefinition(type, cancellationToken), reader.Locations);
        }

        public static bool IsBatchPool(INamedTypeSymbol type) => type.GetAttributes().Any(a => NameOf(a) == "BatchPoolAttribute");

        /// <summary>Whether the class and every type it is nested in are declared partial in each of their declarations.</summary>
        public static bool IsPartialAll(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            for (var current = type; current is not null; current = current.ContainingType)
            {
                foreach (var reference in current.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
                        !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        private PoolDefinition ReadDefinition(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            string id = "";
            string vmSize = PoolDefinition.DefaultVmSize;
            int? nodeCount = null, lowPriorityNodeCount = null;
            JuliaDefinition? julia = null;
            var packages = new List<JuliaPackageDefinition>();

            foreach (var attribute in type.GetAttributes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                switch (NameOf(attribute))
                {
                    case "BatchPoolAttribute":
                        id = StringArgument(attribute, syntax, 0, "id", DefinitionTarget.PoolId) ?? "";
                        foreach (var named in attribute.NamedArguments)
                        {
                            switch (named.Key)
                            {
                                case "VmSize":
                                    vmSize = named.Value.Value as string ?? "";
                                    Record(DefinitionTarget.VmSize, NamedSyntax(syntax, named.Key));
                                    break;
                                case "NodeCount":
                                    nodeCount = named.Value.Value as int?;
                                    Record(DefinitionTarget.NodeCount, NamedSyntax(syntax, named.Key));
                                    break;
                                case "LowPriorityNodeCount":
                                    lowPriorityNodeCount = named.Value.Value as int?;
                                    Record(DefinitionTarget.LowPriorityNodeCount, NamedSyntax(syntax, named.Key));
                                    break;
                            }
                        }
                        break;

                    case "JuliaAttribute":
                        julia = new JuliaDefinition(StringArgument(attribute, syntax, 0, "version", DefinitionTarget.JuliaVersion) ?? "");
                        break;

                    case "JuliaPackageAttribute":
                        var index = packages.Count;
                        var name = StringArgument(attribute, syntax, 0, "name", DefinitionTarget.JuliaPackage(index, "Name")) ?? "";
                        string? url = null;
                        var develop = false;
                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "Url") url = named.Value.Value as string;
                            else if (named.Key == "Develop") develop = named.Value.Value is true;
                            else continue;
                            Record(DefinitionTarget.JuliaPackage(index, named.Key), NamedSyntax(syntax, named.Key));
                        }
                        packages.Add(new JuliaPackageDefinition(name) { Url = url, Develop = develop });
                        // A rule about the package as a whole points at its attribute.
                        Record(DefinitionTarget.JuliaPackage(index, "Attribute"), syntax);
                        break;
                }
            }

            return new PoolDefinition
            {
                Id = id,
                VmSize = vmSize,
                NodeCount = nodeCount,
                LowPriorityNodeCount = lowPriorityNodeCount,
                Julia = julia,
                JuliaPackages = packages.ToArray(),
            };
        }

        private string? StringArgument(AttributeData attribute, AttributeSyntax? syntax, int position, string parameterName, string target)
        {
            if (attribute.ConstructorArguments.Length <= position) return null;
            Record(target, ConstructorSyntax(syntax, position, parameterName));
            return attribute.ConstructorArguments[position].Value as string;
        }

        private void Record(string target, SyntaxNode? node)
        {
            if (_locations is not null && node is not null) _locations[target] = node.GetLocation();
        }

        private static ExpressionSyntax? ConstructorSyntax(AttributeSyntax? syntax, int position, string parameterName)
        {
            if (syntax?.ArgumentList is null) return null;
            var positional = 0;
            foreach (var argument in syntax.ArgumentList.Arguments)
            {
                if (argument.NameEquals is not null) continue;
                if (argument.NameColon is not null)
                {
                    if (argument.NameColon.Name.Identifier.ValueText == parameterName) return argument.Expression;
                    continue;
                }
                if (positional++ == position) return argument.Expression;
            }
            return null;
        }

        private static ExpressionSyntax? NamedSyntax(AttributeSyntax? syntax, string name) =>
            syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression;

        private static string? NameOf(AttributeData attribute) =>
            attribute.AttributeClass is { ContainingNamespace: { Name: AttributeNamespace, ContainingNamespace.IsGlobalNamespace: true } } type
                ? type.Name
                : null;
    }
}
