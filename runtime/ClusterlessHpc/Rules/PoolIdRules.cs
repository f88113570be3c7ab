using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Rules
{
    /// <summary>The Batch id rule: 1 to 64 ASCII letters, digits, hyphens and underscores.</summary>
    public static class PoolIdRules
    {
        public const int MaxLength = 64;

        /// <summary>Why <paramref name="id"/> is not a valid Batch pool id, or <c>null</c> when it is.</summary>
        public static string? Problem(string? id)
        {
            if (string.IsNullOrEmpty(id)) return "it is empty";
            if (id!.Length > MaxLength) return $"it has {id.Length} characters, more than the {MaxLength} Batch allows";
            foreach (var c in id)
            {
                if (!IsIdCharacter(c))
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

        private static bool IsIdCharacter(char c) =>
            c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_';
    }
}
