using System;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>A node's start task (the pool's startup script) failed, so the node will not run tasks.</summary>
    public sealed class StartTaskFailedException : Exception
    {
        public StartTaskFailedException(string poolId, string nodeId, int? exitCode, string? failureMessage)
            : base($"The start task of node '{nodeId}' in pool '{poolId}' failed" +
                   (exitCode is null ? "" : $" with exit code {exitCode}") +
                   (string.IsNullOrEmpty(failureMessage) ? "." : $": {failureMessage}"))
        {
            PoolId = poolId;
            NodeId = nodeId;
            ExitCode = exitCode;
        }

        public string PoolId { get; }

        public string NodeId { get; }

        public int? ExitCode { get; }
    }
}
