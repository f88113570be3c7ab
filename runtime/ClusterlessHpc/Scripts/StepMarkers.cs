using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ClusterlessHpc.Scripts
{
    /// <summary>
    /// Writes a script's step markers as its <see cref="StartupStepPlan"/> numbers them: bash steps call the function
    /// <c>step_marker</c>, the steps inside a Julia process print theirs from Julia. Each marker is a whole line of
    /// <c>stdout.txt</c> holding the step's index and name only. Steps are found by what they do, not by their turn, because
    /// a script that shares its install writes each way of installing the packages (<see cref="NodeCache"/>).
    /// </summary>
    internal sealed class StepMarkers
    {
        private readonly IReadOnlyList<StartupStep> _plan;

        public StepMarkers(IReadOnlyList<StartupStep> plan) => _plan = plan;

        public bool Any => _plan.Count > 0;

        /// <summary>The bash function that prints a marker line.</summary>
        public const string Function = "# Announces a step in stdout.txt (its index and name only), so a failure can be traced to the declaration behind it.\n" +
                                       "step_marker() { printf '%s\\n' \"$1\"; }\n";

        /// <summary>Writes the call that announces a bash step (<paramref name="declared"/>: which <c>[StartupStep]</c>).</summary>
        public void Announce(StringBuilder s, StartupStepKind kind, int declared = 0) =>
            s.Append("step_marker ").Append(ShellQuoting.Quote(Find(kind, declared).Marker)).Append('\n');

        /// <summary>The Julia statement that announces a step from inside the Julia program.</summary>
        public string InJulia(StartupStepKind kind) => "println(" + JuliaLiterals.String(Find(kind, 0).Marker) + "); flush(stdout)\n";

        // A step the plan lacks is a renderer bug: the plan and the script are made from the same definition.
        private StartupStep Find(StartupStepKind kind, int declared) =>
            _plan.FirstOrDefault(s => s.Kind == kind && s.Declared == declared)
            ?? throw new System.InvalidOperationException($"The startup step plan has no {kind} step {declared}.");
    }
}
