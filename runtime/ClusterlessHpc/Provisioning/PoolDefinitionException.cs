using System;
using System.Collections.Generic;
using System.Linq;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>A definition breaks rules; nothing was sent to Batch.</summary>
    public sealed class PoolDefinitionException : Exception
    {
        public PoolDefinitionException(PoolDefinition definition, IReadOnlyList<PoolDiagnostic> diagnostics)
            : base($"The definition of {definition} is invalid:" + string.Concat(diagnostics.Select(d => "\n  " + d)))
        {
            Definition = definition;
            Diagnostics = diagnostics;
        }

        public PoolDefinition Definition { get; }

        public IReadOnlyList<PoolDiagnostic> Diagnostics { get; }
    }
}
