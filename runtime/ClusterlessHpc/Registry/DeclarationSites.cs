using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace ClusterlessHpc
{
    /// <summary>
    /// The places the generator recorded for the pools of the application's assemblies (<see cref="DeclarationSite"/>),
    /// so a failure on a node can be named by the attribute that declared the failing step. Generated code registers them
    /// when its assembly loads; a definition built in code has none.
    /// </summary>
    public static class DeclarationSites
    {
        private static readonly object Gate = new();
        private static readonly List<(Func<PoolDefinition> Definition, IReadOnlyList<DeclarationSite> Sites)> Registered = new();

        /// <summary>Called by generated code: the sites of the pool <paramref name="definition"/> returns (read only when asked for).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static void Register(Func<PoolDefinition> definition, params DeclarationSite[] sites)
        {
            ArgumentNullException.ThrowIfNull(definition);
            ArgumentNullException.ThrowIfNull(sites);
            lock (Gate) Registered.Add((definition, sites));
        }

        /// <summary>The sites of <paramref name="definition"/>, or an empty list when no generated code declared it.</summary>
        public static IReadOnlyList<DeclarationSite> Of(PoolDefinition definition)
        {
            ArgumentNullException.ThrowIfNull(definition);
            (Func<PoolDefinition> Definition, IReadOnlyList<DeclarationSite> Sites)[] registered;
            lock (Gate) registered = Registered.ToArray();
            // The same object first (an application passes its pool's Definition), then an equal one (a copy, chpc's).
            foreach (var entry in registered)
            {
                if (ReferenceEquals(entry.Definition(), definition)) return entry.Sites;
            }
            foreach (var entry in registered)
            {
                if (entry.Definition().Equals(definition)) return entry.Sites;
            }
            return Array.Empty<DeclarationSite>();
        }
    }
}
