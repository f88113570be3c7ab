using System;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>A node's start task (the pool's startup script) failed, so the node will not run tasks.</summary>
    public sealed class StartTaskFailedException : Exception
    {
        public StartTaskFailedException(string poolId, string nodeId, int? exitCode, string? failureMessage, string? stderrTail = null)
            : base($"The start task of node '{nodeId}' in pool '{poolId}' failed" +
                   (exitCode is null ? "" : $" with exit code {exitCode}") +
                   (string.IsNullOrEmpty(failureMessage) ? "." : $": {failureMessage}") +
                   (string.IsNullOrEmpty(stderrTail) ? "" : "\nThe end of its stderr.txt:\n" + stderrTail))
        {
            PoolId = poolId;
            NodeId = nodeId;
            ExitCode = exitCode;
            StderrTail = stderrTail;
        }

        /// <summary>The last lines of the start task's <c>stderr.txt</c>, when the node still had it.</summary>
        public string? StderrTail { get; }

        public string PoolId { get; }

        public string NodeId { get; }

        public int? ExitCode { get; }
    }
}
