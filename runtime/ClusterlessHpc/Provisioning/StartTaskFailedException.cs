using System;
using System.Linq;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>A node's start task (the pool's startup script) failed, so the node will not run tasks.</summary>
    public sealed class StartTaskFailedException : Exception
    {
        public StartTaskFailedException(string poolId, string nodeId, int? exitCode, string? failureMessage, string? stderrTail = null)
            : this(poolId, nodeId, exitCode, failureMessage, stderrTail, failedStep: null, declaration: null)
        {
        }

        /// <summary>A failure traced to the step that failed and the declaration behind it (see <see cref="FailedStep"/>, <see cref="Declaration"/>).</summary>
        public StartTaskFailedException(string poolId, string nodeId, int? exitCode, string? failureMessage, string? stderrTail, string? failedStep, string? declaration)
            : base((Traced(nodeId, stderrTail, failedStep, declaration) is { } traced ? traced + "\n" : "") +
                   $"The start task of node '{nodeId}' in pool '{poolId}' failed" +
                   (exitCode is null ? "" : $" with exit code {exitCode}") +
                   (string.IsNullOrEmpty(failureMessage) ? "." : $": {failureMessage}") +
                   (string.IsNullOrEmpty(stderrTail) ? "" : "\nThe end of its stderr.txt:\n" + stderrTail))
        {
            PoolId = poolId;
            NodeId = nodeId;
            ExitCode = exitCode;
            StderrTail = stderrTail;
            FailedStep = failedStep;
            Declaration = declaration;
            TracedLine = Traced(nodeId, stderrTail, failedStep, declaration);
        }

        /// <summary>
        /// The first line, as a compiler reports an error at the declaration that caused it:
        /// <c>Pools.cs(12,2): [JuliaPackage("JOLI", ...)] failed on node tvm-1 during "develop JOLI": &lt;the last line of stderr.txt&gt;</c>.
        /// </summary>
        private static string? Traced(string nodeId, string? stderrTail, string? failedStep, string? declaration)
        {
            if (failedStep is null || declaration is null) return null;
            // The failing program's own last words, not the script's closing "... failed (exit code N)".
            var lines = stderrTail?.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList() ?? new();
            var last = lines.LastOrDefault(l => !l.StartsWith("clusterlesshpc: ", StringComparison.Ordinal)) ?? lines.LastOrDefault();
            return $"{declaration} failed on node {nodeId} during \"{failedStep}\"" + (string.IsNullOrEmpty(last) ? "" : ": " + last);
        }

        /// <summary>
        /// The failure as a compiler names an error, the first line of <see cref="Exception.Message"/> when the failure was
        /// traced: <c>Pools.cs(12,2): [JuliaPackage("JOLI", ...)] failed on node tvm-1 during "develop JOLI": ERROR: ...</c>;
        /// null when the node announced no step of the definition (or no definition was given).
        /// </summary>
        public string? TracedLine { get; }

        /// <summary>The step of the startup script the node announced last before it failed (<c>develop JOLI</c>); null when it announced none.</summary>
        public string? FailedStep { get; }

        /// <summary>The attribute that declared <see cref="FailedStep"/>, where it was written when the generator recorded it: <c>Pools.cs(12,2): [JuliaPackage("JOLI", ...)]</c>.</summary>
        public string? Declaration { get; }

        /// <summary>The last lines of the start task's <c>stderr.txt</c>, when the node still had it.</summary>
        public string? StderrTail { get; }

        public string PoolId { get; }

        public string NodeId { get; }

        public int? ExitCode { get; }
    }
}
