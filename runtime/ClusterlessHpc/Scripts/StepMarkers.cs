using System.Collections.Generic;
using System.Text;

namespace ClusterlessHpc.Scripts
{
    /// <summary>
    /// Writes a script's step markers in the order of its <see cref="StartupStepPlan"/>: bash steps call the function
    /// <c>step_marker</c>, the steps inside the one Julia process print theirs from Julia. Each marker is a whole line
    /// of <c>stdout.txt</c> holding the step's index and name only.
    /// </summary>
    internal sealed class StepMarkers
    {
        private readonly IReadOnlyList<StartupStep> _plan;
        private int _next;

        public StepMarkers(IReadOnlyList<StartupStep> plan) => _plan = plan;

        public bool Any => _plan.Count > 0;

        /// <summary>The bash function that prints a marker line.</summary>
        public const string Function = "# Announces a step in stdout.txt (its index and name only), so a failure can be traced to the declaration behind it.\n" +
                                       "step_marker() { printf '%s\\n' \"$1\"; }\n";

        /// <summary>Writes the call that announces the next bash step.</summary>
        public void AnnounceNext(StringBuilder s) => s.Append("step_marker ").Append(ShellQuoting.Quote(Next().Marker)).Append('\n');

        /// <summary>The Julia statement that announces the next step from inside the Julia program.</summary>
        public string NextInJulia() => "println(" + JuliaLiterals.String(Next().Marker) + "); flush(stdout)\n";

        private StartupStep Next() => _plan[_next++];
    }
}
