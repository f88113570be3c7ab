using System.Collections.Generic;

namespace ClusterlessHpc.Legacy
{
    /// <summary>One pool AzureClusterlessHPC.jl would have created, as a definition, with its account and its diagnostics.</summary>
    public sealed class LegacyPool
    {
        internal LegacyPool(int index, PoolDefinition definition, LegacyBatchAccount? account, IReadOnlyList<LegacyPoolDiagnostic> diagnostics)
        {
            Index = index;
            Definition = definition;
            Account = account;
            Diagnostics = diagnostics;
        }

        /// <summary>The pool's number, 1 to <c>_POOL_COUNT</c> (the suffix of its id).</summary>
        public int Index { get; }

        public PoolDefinition Definition { get; }

        /// <summary>The credentials entry the pool goes to (round-robin); <c>null</c> when no credentials were given.</summary>
        public LegacyBatchAccount? Account { get; }

        /// <summary>What <see cref="Rules.PoolValidator"/> reports for <see cref="Definition"/>, with the legacy keys.</summary>
        public IReadOnlyList<LegacyPoolDiagnostic> Diagnostics { get; }

        public bool HasErrors
        {
            get
            {
                foreach (var diagnostic in Diagnostics)
                {
                    if (diagnostic.IsError) return true;
                }
                return false;
            }
        }

        public override string ToString() => Account is null ? Definition.ToString() : $"{Definition} in account '{Account.Name}'";
    }
}
