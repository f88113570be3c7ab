using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ClusterlessHpc.Declarations;
using ClusterlessHpc.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterlessHpc.Generator
{
    /// <summary>
    /// The only code that reads symbols: turns a class's ClusterlessHpc attributes into a <see cref="PoolDefinition"/>.
    /// The generator and the analyzer both use it; the analyzer also asks where each value was written
    /// (a <see cref="DefinitionTarget"/> name for each argument), so diagnostics land on the argument.
    /// </summary>
    internal sealed partial class PoolDeclarationReader
    {
        public const string AttributeNamespace = "ClusterlessHpc";
        public const string BatchPoolAttributeName = AttributeNamespace + "." + nameof(BatchPoolAttribute);

        private readonly Dictionary<string, Location>? _locations;
        private readonly CancellationToken _cancellationToken;
        private readonly List<Rules.SimulationExpectationDeclaration> _expectations = new();

        private PoolDeclarationReader(bool recordLocations, CancellationToken cancellationToken)
        {
            _locations = recordLocations ? new Dictionary<string, Location>() : null;
            _cancellationToken = cancellationToken;
        }

        public static PoolDefinition Read(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            new PoolDeclarationReader(recordLocations: false, cancellationToken).ReadDefinition(type);

        public static (PoolDefinition Definition, IReadOnlyDictionary<string, Location> Locations) ReadWithLocations(
            INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var reader = new PoolDeclarationReader(recordLocations: true, cancellationToken);
            return (reader.ReadDefinition(type), reader._locations!);
        }

        /// <summary>The pool, its <c>[SimulationExpectation]</c>s as written (not part of the pool), and where each value was written.</summary>
        public static (PoolDefinition Definition, IReadOnlyList<Rules.SimulationExpectationDeclaration> Expectations, IReadOnlyDictionary<string, Location> Locations) ReadAll(
            INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var reader = new PoolDeclarationReader(recordLocations: true, cancellationToken);
            return (reader.ReadDefinition(type), reader._expectations, reader._locations!);
        }

        public static bool IsBatchPool(INamedTypeSymbol type) => type.GetAttributes().Any(IsBatchPoolAttribute);

        public static bool IsBatchPoolAttribute(AttributeData attribute) => NameOf(attribute) == nameof(BatchPoolAttribute);

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

        private PoolDefinition ReadDefinition(INamedTypeSymbol type)
        {
            var pool = new PoolDefinition();
            foreach (var attribute in type.GetAttributes())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var name = NameOf(attribute);
                var description = PoolAttributes.Find(name);
                var isExpectation = name == ExpectationAttribute.Description.AttributeName;
                if (description is null && !isExpectation) continue;
                var syntax = _locations is null ? null : attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) as AttributeSyntax;
                var args = new AttributeArguments(attribute, syntax, this);
                if (isExpectation) _expectations.Add(ReadExpectation(args, _expectations.Count, pool));
                else pool = Apply(description!, args, pool);
            }
            return pool;
        }

        private void Record(string? target, SyntaxNode? node)
        {
            if (_locations is not null && target is not null && node is not null) _locations[target] = node.GetLocation();
        }

        private static string? NameOf(AttributeData attribute) =>
            attribute.AttributeClass is { ContainingNamespace: { Name: AttributeNamespace, ContainingNamespace.IsGlobalNamespace: true } } type
                ? type.Name
                : null;

        /// <summary>One attribute's values, each read together with where it was written.</summary>
        private readonly struct AttributeArguments
        {
            private readonly AttributeData _attribute;
            private readonly AttributeSyntax? _syntax;
            private readonly PoolDeclarationReader _reader;

            public AttributeArguments(AttributeData attribute, AttributeSyntax? syntax, PoolDeclarationReader reader)
            {
                _attribute = attribute;
                _syntax = syntax;
                _reader = reader;
            }

            /// <summary>Whether locations are recorded: only then are targets named and the syntax searched.</summary>
            public bool Recording => _reader._locations is not null;

            /// <summary>Records the whole attribute as <paramref name="target"/>.</summary>
            public void RecordAttribute(string? target) => _reader.Record(target, _syntax);

            public TypedConstant? Constructor(int position, string parameter, string? target)
            {
                if (_attribute.ConstructorArguments.Length <= position) return null;
                if (Recording) _reader.Record(target, ConstructorSyntax(position, parameter));
                return _attribute.ConstructorArguments[position];
            }

            /// <summary>A params array's items, each recorded as an item of <paramref name="target"/>.</summary>
            public IReadOnlyList<string> Strings(int position, string parameter, string? target)
            {
                if (_attribute.ConstructorArguments.Length <= position) return System.Array.Empty<string>();
                var array = _attribute.ConstructorArguments[position];
                var values = array.Kind == TypedConstantKind.Array ? array.Values.Select(v => v.Value as string ?? "").ToArray() : System.Array.Empty<string>();
                if (!Recording || target is null) return values;
                var positional = PositionalSyntax().ToList();
                for (var i = 0; i < values.Length; i++)
                {
                    // Expanded params: one argument per item; an explicit array: its initializer's items.
                    ExpressionSyntax? item = positional.Count == values.Length + position ? positional[position + i]
                        : positional.Count > position && positional[position] is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax
                            ? ItemOf(positional[position], i)
                            : null;
                    _reader.Record(DefinitionTarget.Item(target, i), item);
                }
                return values;
            }

            public bool TryNamed(string name, string? target, out TypedConstant value)
            {
                foreach (var named in _attribute.NamedArguments)
                {
                    if (named.Key != name) continue;
                    value = named.Value;
                    if (Recording) _reader.Record(target, NamedSyntax(name));
                    return true;
                }
                value = default;
                return false;
            }

            private IEnumerable<ExpressionSyntax> PositionalSyntax() =>
                _syntax?.ArgumentList?.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).Select(a => a.Expression)
                ?? Enumerable.Empty<ExpressionSyntax>();

            private ExpressionSyntax? ConstructorSyntax(int position, string parameter)
            {
                if (_syntax?.ArgumentList is null) return null;
                var byName = _syntax.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter);
                return byName?.Expression ?? PositionalSyntax().ElementAtOrDefault(position);
            }

            private ExpressionSyntax? NamedSyntax(string name) =>
                _syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression;

            private static ExpressionSyntax? ItemOf(ExpressionSyntax array, int index) => array switch
            {
                ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions.ElementAtOrDefault(index),
                ImplicitArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions.ElementAtOrDefault(index),
                CollectionExpressionSyntax collection => (collection.Elements.ElementAtOrDefault(index) as ExpressionElementSyntax)?.Expression,
                _ => null,
            };
        }
    }
}
