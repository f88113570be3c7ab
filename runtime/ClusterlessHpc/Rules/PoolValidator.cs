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
            JuliaRules.Check(definition, found);
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
