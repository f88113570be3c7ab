using System;
using System.Collections.Generic;

namespace ClusterlessHpc.Emulator.Errors
{
    /// <summary>
    /// A request the Batch service would refuse: the status, the invariant error code and the message of the
    /// Batch error body. Thrown anywhere in a request; <see cref="ErrorMappingMiddleware"/> writes it.
    /// </summary>
    internal sealed class EmulatorException : Exception
    {
        public EmulatorException(int status, string code, string message, params IReadOnlyList<KeyValuePair<string, string>> values)
            : base(message)
        {
            Status = status;
            Code = code;
            Values = values;
        }

        /// <summary>The HTTP status code.</summary>
        public int Status { get; }

        /// <summary>The Batch error code, for programs (<c>PoolNotFound</c>, ...).</summary>
        public string Code { get; }

        /// <summary>The error body's <c>values</c>: key-value details such as the offending property.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Values { get; }
    }
}
