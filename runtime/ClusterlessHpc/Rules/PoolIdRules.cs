using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Rules
{
    /// <summary>The Batch id rule: 1 to 64 ASCII letters, digits, hyphens and underscores.</summary>
    internal static class PoolIdRules
    {
        /// <summary>Why <paramref name="id"/> is not a valid Batch pool id, or <c>null</c> when it is.</summary>
        public static string? Problem(string? id)
        {
            if (string.IsNullOrEmpty(id)) return "it is empty";
            if (id!.Length > ServiceLimits.MaxPoolIdLength) return $"it has {id.Length} characters, more than the {ServiceLimits.MaxPoolIdLength} Batch allows";
            foreach (var c in id)
            {
                if (!ServiceLimits.IsPoolIdCharacter(c))
                {
                    return $"'{CharacterNames.Describe(c)}' is not allowed; use only letters, digits, hyphens and underscores";
                }
            }
            return null;
        }

        internal static void Check(PoolDefinition definition, List<PoolDiagnostic> found)
        {
            var problem = Problem(definition.Id);
            if (problem is not null)
            {
                found.Add(new PoolDiagnostic(DiagnosticCatalogue.PoolIdMustBeValid, DefinitionTarget.PoolId, definition.Id, problem));
            }
        }
    }
}
