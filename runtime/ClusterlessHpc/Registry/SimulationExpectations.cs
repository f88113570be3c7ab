using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace ClusterlessHpc
{
    /// <summary>
    /// The <c>[SimulationExpectation]</c>s of the application's pools, as the generator listed them (each pool class's
    /// <c>SimulationExpectations</c>). Generated code registers them when its assembly loads, so a tool that holds only a
    /// pool's definition (the build's check, chpc) finds its expectations; a definition built in code has none.
    /// </summary>
    public static class SimulationExpectations
    {
        private static readonly object Gate = new();
        private static readonly List<(Func<PoolDefinition> Definition, Func<IReadOnlyList<SimulationExpectation>> Expectations)> Registered = new();

        /// <summary>CHPC1056, the rule the build's check reports an exceeded expectation with.</summary>
        public static Diagnostics.PoolRule ExceededRule => Diagnostics.DiagnosticCatalogue.SimulationExpectationExceeded;

        /// <summary>CHPC1057, the rule the build's check reports an expectation it could not check with.</summary>
        public static Diagnostics.PoolRule NotCheckedRule => Diagnostics.DiagnosticCatalogue.SimulationExpectationNotChecked;

        /// <summary>CHPC1058, the rule the build's check reports with when it cannot run at all.</summary>
        public static Diagnostics.PoolRule CheckFailedRule => Diagnostics.DiagnosticCatalogue.SimulationExpectationsCheckFailed;

        /// <summary>Called by generated code: the expectations of the pool <paramref name="definition"/> returns (read only when asked for).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static void Register(Func<PoolDefinition> definition, Func<IReadOnlyList<SimulationExpectation>> expectations)
        {
            ArgumentNullException.ThrowIfNull(definition);
            ArgumentNullException.ThrowIfNull(expectations);
            lock (Gate) Registered.Add((definition, expectations));
        }

        /// <summary>The expectations declared on the pool of <paramref name="definition"/>, or an empty list.</summary>
        public static IReadOnlyList<SimulationExpectation> Of(PoolDefinition definition)
        {
            ArgumentNullException.ThrowIfNull(definition);
            (Func<PoolDefinition> Definition, Func<IReadOnlyList<SimulationExpectation>> Expectations)[] registered;
            lock (Gate) registered = Registered.ToArray();
            // The same object first (an application passes its pool's Definition), then an equal one (a copy).
            foreach (var entry in registered)
            {
                if (ReferenceEquals(entry.Definition(), definition)) return entry.Expectations();
            }
            foreach (var entry in registered)
            {
                if (entry.Definition().Equals(definition)) return entry.Expectations();
            }
            return Array.Empty<SimulationExpectation>();
        }
    }
}
