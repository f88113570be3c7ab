using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// An operation the Batch service would refuse, as the service names it: the invariant error code
    /// (<c>PoolNotFound</c>, <c>PoolBeingResized</c>, ...), its message and its key-value details. It carries no
    /// transport: the emulator maps it to the status and error body of the REST API (see <see cref="ModelErrors"/>).
    /// </summary>
    public sealed class PoolModelException : Exception
    {
        public PoolModelException(string code, string message, params IReadOnlyList<KeyValuePair<string, string>> values)
            : base(message)
        {
            Code = code;
            Values = values;
        }

        /// <summary>The Batch error code, for programs.</summary>
        public string Code { get; }

        /// <summary>The details the service puts in the error's <c>values</c>, such as the offending property.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Values { get; }
    }
}
