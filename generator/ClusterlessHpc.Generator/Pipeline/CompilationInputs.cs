using System;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ClusterlessHpc.Generator.Pipeline
{
    /// <summary>
    /// The compilation's options and references, the inputs besides its files that can change what a pool's attributes
    /// bind to (a constant in a referenced project, for example). References are held weakly: a pipeline entry that stays
    /// cached for a long time must not keep an old project's compilation alive; one that was collected compares unequal.
    /// </summary>
    internal sealed class CompilationInputs : IEquatable<CompilationInputs>
    {
        // One weak handle per reference for as long as the reference lives: a compilation is made on every keystroke, and
        // its references are the same objects as the last one's, so a run allocates no handle it had before.
        private static readonly ConditionalWeakTable<MetadataReference, WeakReference<MetadataReference>> WeakHandles = new();

        private readonly CompilationOptions _options;
        private readonly WeakReference<MetadataReference>[] _references;

        public CompilationInputs(Compilation compilation)
        {
            _options = compilation.Options;
            // The references as given: asking for References would bind them, which this must not cost.
            _references = compilation.ExternalReferences.Select(static r => WeakHandles.GetValue(r, static r => new WeakReference<MetadataReference>(r))).ToArray();
        }

        public bool Equals(CompilationInputs? other)
        {
            if (other is null) return false;
            if (ReferenceEquals(this, other)) return true;
            if (!_options.Equals(other._options) || _references.Length != other._references.Length) return false;
            for (var i = 0; i < _references.Length; i++)
            {
                // The same handle is the same reference, alive: the newer compilation holds it.
                if (ReferenceEquals(_references[i], other._references[i])) continue;
                if (!_references[i].TryGetTarget(out var mine) || !other._references[i].TryGetTarget(out var theirs) || !ReferenceEquals(mine, theirs)) return false;
            }
            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as CompilationInputs);

        public override int GetHashCode() => _references.Length;
    }
}
