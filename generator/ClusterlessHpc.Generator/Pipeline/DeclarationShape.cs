using System;
using System.Collections.Generic;
using System.Threading;
using ClusterlessHpc.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterlessHpc.Generator.Pipeline
{
    /// <summary>
    /// What one file can contribute to the pools declared in other files, taken from its syntax alone, so the pipeline
    /// can tell that an edit elsewhere changes no pool without binding anything:
    /// <list type="bullet">
    /// <item>its <see cref="Outline"/>: every token outside attribute lists, member bodies and the initializers of
    /// anything but constants (namespaces, usings and aliases, type and member declarations with their modifiers,
    /// constants' values), which is what binding another file's attribute arguments can read;</item>
    /// <item>the attribute lists of each class it declares (<see cref="TypeAttributes"/>), because a pool's attributes
    /// may be split over partial declarations in several files.</item>
    /// </list>
    /// A keystroke inside an attribute argument or a method body leaves the outline as it was.
    /// </summary>
    internal sealed class DeclarationShape : IEquatable<DeclarationShape>
    {
        private DeclarationShape(Digest outline, EquatableArray<TypeAttributes> typeAttributes)
        {
            Outline = outline;
            TypeAttributes = typeAttributes;
        }

        public Digest Outline { get; }

        public EquatableArray<TypeAttributes> TypeAttributes { get; }

        public static DeclarationShape Of(CompilationUnitSyntax root, CancellationToken cancellationToken)
        {
            var outline = new Digest.Builder();
            var types = new List<TypeAttributes>();
            Walk(root, ref outline, types, cancellationToken);
            return new DeclarationShape(outline.Finish(), new EquatableArray<TypeAttributes>(types));
        }

        public bool Equals(DeclarationShape? other) =>
            other is not null && (ReferenceEquals(this, other) || (Outline.Equals(other.Outline) && TypeAttributes.Equals(other.TypeAttributes)));

        public override bool Equals(object? obj) => Equals(obj as DeclarationShape);

        public override int GetHashCode() => Outline.GetHashCode();

        private static void Walk(SyntaxNode node, ref Digest.Builder outline, List<TypeAttributes> types, CancellationToken cancellationToken)
        {
            foreach (var child in node.ChildNodesAndTokens())
            {
                if (child.IsToken)
                {
                    outline.Add(child.AsToken().Text);
                    continue;
                }
                var childNode = child.AsNode()!;
                switch (childNode)
                {
                    case AttributeListSyntax:
                        // No binding reads another declaration's attributes; a class's own lists are kept per type below.
                        continue;
                    case BlockSyntax or ArrowExpressionClauseSyntax:
                        // A body cannot be read by another file's binding; that there is one can (an accessor, an expression-bodied member).
                        outline.Add(childNode is BlockSyntax ? "{}" : "=>");
                        continue;
                    case GlobalStatementSyntax:
                        // Top-level statements declare the program's entry point; what they do is no other file's concern.
                        outline.Add("<top-level statement>");
                        continue;
                    case EqualsValueClauseSyntax when !IsConstantValue(childNode):
                        outline.Add("=");
                        continue;
                }
                cancellationToken.ThrowIfCancellationRequested();
                if (childNode is TypeDeclarationSyntax type and (ClassDeclarationSyntax or RecordDeclarationSyntax) && type.AttributeLists.Count > 0)
                {
                    types.Add(new TypeAttributes(QualifiedName(type), AttributesDigest(type)));
                }
                Walk(childNode, ref outline, types, cancellationToken);
            }
        }

        /// <summary>A constant's or enum member's value, or a parameter's default: values other files' attributes may read.</summary>
        private static bool IsConstantValue(SyntaxNode equalsValue) => equalsValue.Parent switch
        {
            EnumMemberDeclarationSyntax or ParameterSyntax => true,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: BaseFieldDeclarationSyntax field } } => field.Modifiers.Any(SyntaxKind.ConstKeyword),
            _ => false,
        };

        private static Digest AttributesDigest(TypeDeclarationSyntax type)
        {
            var digest = new Digest.Builder();
            foreach (var list in type.AttributeLists)
            {
                foreach (var token in list.DescendantTokens()) digest.Add(token.Text);
            }
            return digest.Finish();
        }

        /// <summary>
        /// The name every partial declaration of the same type shares, from syntax: namespaces as written, containing types
        /// and the type, each with its number of type parameters.
        /// </summary>
        internal static string QualifiedName(TypeDeclarationSyntax type)
        {
            var parts = new List<string>();
            for (SyntaxNode? node = type; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case TypeDeclarationSyntax t:
                        parts.Add(t.Identifier.ValueText + "`" + (t.TypeParameterList?.Parameters.Count ?? 0));
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        parts.Add(NamespaceName(ns.Name));
                        break;
                }
            }
            parts.Reverse();
            return string.Join(".", parts);
        }

        private static string NamespaceName(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => NamespaceName(qualified.Left) + "." + NamespaceName(qualified.Right),
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => name.ToString(),
        };
    }

    /// <summary>The attribute lists one class declaration carries, under the name its partial declarations share.</summary>
    internal readonly struct TypeAttributes : IEquatable<TypeAttributes>
    {
        public TypeAttributes(string name, Digest attributes)
        {
            Name = name;
            Attributes = attributes;
        }

        public string Name { get; }

        public Digest Attributes { get; }

        public bool Equals(TypeAttributes other) => Name == other.Name && Attributes.Equals(other.Attributes);

        public override bool Equals(object? obj) => obj is TypeAttributes other && Equals(other);

        public override int GetHashCode() => Attributes.GetHashCode();
    }
}
