using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ClusterlessHpc.Generator.Pipeline
{
    /// <summary>
    /// The shapes of all of a project's files, reduced to what decides whether a pool's model can change without its own
    /// file changing: one digest of every file's outline, the compilation's options and references, and for each class
    /// name the digest of the attribute lists of all its declarations.
    /// </summary>
    internal sealed class ProjectDeclarations : IEquatable<ProjectDeclarations>
    {
        private readonly Digest _outlines;
        private readonly Dictionary<string, Digest> _attributesByType;

        private ProjectDeclarations(Digest outlines, Dictionary<string, Digest> attributesByType)
        {
            _outlines = outlines;
            _attributesByType = attributesByType;
        }

        public static ProjectDeclarations Of(ImmutableArray<DeclarationShape> shapes)
        {
            var outlines = new Digest.Builder();
            var builders = new Dictionary<string, Digest.Builder>(StringComparer.Ordinal);
            foreach (var shape in shapes)
            {
                outlines.Add(shape.Outline);
                foreach (var type in shape.TypeAttributes)
                {
                    builders.TryGetValue(type.Name, out var builder);
                    builder.Add(type.Attributes);
                    builders[type.Name] = builder;
                }
            }
            var attributes = new Dictionary<string, Digest>(builders.Count, StringComparer.Ordinal);
            foreach (var pair in builders) attributes.Add(pair.Key, pair.Value.Finish());
            return new ProjectDeclarations(outlines.Finish(), attributes);
        }

        /// <summary>The digest of every attribute list on declarations of the class named <paramref name="typeName"/>.</summary>
        public Digest AttributesOf(string typeName) => _attributesByType.TryGetValue(typeName, out var digest) ? digest : default;

        public Digest Outlines => _outlines;

        public bool Equals(ProjectDeclarations? other) =>
            other is not null &&
            (ReferenceEquals(this, other) ||
             (_outlines.Equals(other._outlines) && _attributesByType.Count == other._attributesByType.Count &&
              _attributesByType.All(pair => other._attributesByType.TryGetValue(pair.Key, out var digest) && digest.Equals(pair.Value))));

        public override bool Equals(object? obj) => Equals(obj as ProjectDeclarations);

        public override int GetHashCode() => _outlines.GetHashCode();
    }
}
