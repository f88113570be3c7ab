using System;
using System.Threading;
using ClusterlessHpc.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterlessHpc.Generator.Pipeline
{
    /// <summary>
    /// A class declaration that may be a pool, with everything its model depends on, compared without binding: the
    /// declaration itself (the same syntax object for as long as its file is unchanged), the outlines of all the
    /// project's files, the attribute lists of its other partial declarations, and the compilation's options and
    /// references. While those compare equal, the model made from it last time stands and nothing is bound again.
    /// </summary>
    internal sealed class PoolDeclaration : IEquatable<PoolDeclaration>
    {
        private readonly TypeDeclarationSyntax _syntax;
        private readonly Digest _outlines;
        private readonly Digest _attributes;
        private readonly CompilationInputs _inputs;
        private readonly object _gate = new();

        // Needed once, to bind; then let go, so that a declaration the pipeline keeps cached for a long time does not keep
        // the compilation it was made from alive. The model it made is kept instead: a second request gets the same one.
        private Compilation? _compilation;
        private BoundPool? _model;

        public PoolDeclaration(TypeDeclarationSyntax syntax, string qualifiedName, ProjectDeclarations project, CompilationInputs inputs, Compilation compilation)
        {
            _syntax = syntax;
            _outlines = project.Outlines;
            _attributes = project.AttributesOf(qualifiedName);
            _inputs = inputs;
            _compilation = compilation;
        }

        /// <summary>The pool this declaration carries <c>[BatchPool]</c> for, or null when it is not one.</summary>
        public BoundPool? Bind(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_compilation is not { } compilation) return _model;
                _model = Bind(compilation, cancellationToken);
                _compilation = null;
                return _model;
            }
        }

        private BoundPool? Bind(Compilation compilation, CancellationToken cancellationToken)
        {
            var model = compilation.GetSemanticModel(_syntax.SyntaxTree);
            if (model.GetDeclaredSymbol(_syntax, cancellationToken) is not INamedTypeSymbol type) return null;
            // The declaration that carries [BatchPool] makes the model, once for all of the class's partial declarations.
            foreach (var attribute in type.GetAttributes())
            {
                if (!PoolDeclarationReader.IsBatchPoolAttribute(attribute)) continue;
                var where = attribute.ApplicationSyntaxReference;
                return where is not null && where.SyntaxTree == _syntax.SyntaxTree && _syntax.Span.Contains(where.Span)
                    ? PoolGenerator.CreateModel(type, cancellationToken)
                    : null;
            }
            return null;
        }

        public bool Equals(PoolDeclaration? other) =>
            other is not null &&
            ReferenceEquals(_syntax, other._syntax) &&
            _outlines.Equals(other._outlines) &&
            _attributes.Equals(other._attributes) &&
            _inputs.Equals(other._inputs);

        public override bool Equals(object? obj) => Equals(obj as PoolDeclaration);

        public override int GetHashCode() => _syntax.GetHashCode();
    }
}
