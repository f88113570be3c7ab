using System;
using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Rules
{
    /// <summary>
    /// Checks a definition against every pool rule. The analyzer (compile time), the generator (which emits
    /// nothing for an invalid pool) and the provisioner (run time) all call this one method.
    /// </summary>
    public static class PoolValidator
    {
        public static IReadOnlyList<PoolDiagnostic> Validate(PoolDefinition definition)
        {
            var found = new List<PoolDiagnostic>();
            PoolIdRules.Check(definition, found);
            PoolSettingsRules.Check(definition, found);
            AutoScaleSettingsRules.Check(definition, found);
            ImageRules.Check(definition, found);
            ContainerRules.Check(definition, found);
            NetworkRules.Check(definition, found);
            MountRules.Check(definition, found);
            JuliaRules.Check(definition, found);
            JuliaManifestRules.Check(definition, found);
            return found;
        }

        /// <summary>
        /// The rules between definitions of one assembly or file: pool ids that collide case-insensitively.
        /// Each collision is reported on the later definition, naming the earlier one.
        /// </summary>
        public static IReadOnlyList<(int Index, PoolDiagnostic Diagnostic)> ValidateTogether(IReadOnlyList<(PoolDefinition Definition, string DeclaredBy)> pools)
        {
            var found = new List<(int, PoolDiagnostic)>();
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < pools.Count; i++)
            {
                var (definition, declaredBy) = pools[i];
                if (definition.Id.Length == 0) continue;
                if (seen.TryGetValue(definition.Id, out var first))
                {
                    found.Add((i, new PoolDiagnostic(DiagnosticCatalogue.PoolIdsMustBeUnique, DefinitionTarget.PoolId, definition.Id, first)));
                }
                else
                {
                    seen.Add(definition.Id, declaredBy);
                }
            }
            return found;
        }

        public static bool HasErrors(IReadOnlyList<PoolDiagnostic> diagnostics)
        {
            foreach (var d in diagnostics)
            {
                if (d.IsError) return true;
            }
            return false;
        }
    }
}
