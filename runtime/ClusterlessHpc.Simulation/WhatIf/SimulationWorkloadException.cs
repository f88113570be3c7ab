using System;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// A workload that cannot be read: the message names where it came from (the file, or the generator's text), the line
    /// (or, in JSON, the element), and the bad value.
    /// </summary>
    public sealed class SimulationWorkloadException : Exception
    {
        public SimulationWorkloadException(string source, int? line, string message)
            : base(line is { } number ? $"{source}({number}): {message}" : $"{source}: {message}")
        {
            Source = source;
            Line = line;
        }

        /// <summary>The file or generator text the workload came from.</summary>
        public new string Source { get; }

        /// <summary>The 1-based line of the problem, when the input has lines.</summary>
        public int? Line { get; }
    }
}
