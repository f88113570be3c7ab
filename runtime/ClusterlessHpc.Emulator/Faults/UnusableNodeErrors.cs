using System;
using System.Collections.Generic;
using System.Linq;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Emulator.Faults
{
    /// <summary>
    /// The node errors <see cref="BatchEmulatorOptions.UnusableNodes"/> can inject, by code. Microsoft's "Azure Batch pool
    /// and node errors" page (learn.microsoft.com/azure/batch/batch-pool-node-error-checking) says a node that fails to
    /// deploy the pool's application packages, or to download its container images, goes <c>unusable</c> with the failure
    /// in its <c>errors</c>; neither that page nor the Batch REST spec (BatchNodeError) lists node error codes, so the
    /// codes are the ones Microsoft documents for the same two failures (TaskFailureInformationCodes in the Batch .NET
    /// reference: <c>ApplicationPackageError</c>, "An error occurred when trying to deploy a required application
    /// package"; <c>ContainerInvalidImage</c>, "The container image was invalid"). The messages are the emulator's own.
    /// </summary>
    internal static class UnusableNodeErrors
    {
        private static readonly (string Code, string Message)[] Known =
        [
            ("ApplicationPackageError", "An application package of the pool could not be deployed to the node."),
            ("ContainerInvalidImage", "A container image of the pool could not be downloaded to the node."),
        ];

        public static IReadOnlyList<string> Codes { get; } = Known.Select(k => k.Code).ToArray();

        /// <summary>The error a node reports for <paramref name="code"/> (one of <see cref="Codes"/>).</summary>
        public static BatchNodeError Of(string code)
        {
            var (known, message) = Known.Single(k => k.Code.Equals(code, StringComparison.Ordinal));
            return new BatchNodeError { Code = known, Message = message };
        }
    }
}
