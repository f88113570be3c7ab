using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale
{
    /// <summary>
    /// The outcome of one evaluation, as the service reports it: <see cref="Results"/> always (on failure the pool's
    /// current targets and the default option), and <see cref="Error"/> when the evaluation failed.
    /// </summary>
    public sealed class AutoScaleEvaluation
    {
        internal AutoScaleEvaluation(int targetDedicatedNodes, int targetLowPriorityNodes, string nodeDeallocationOption,
            IReadOnlyList<KeyValuePair<string, string>> variables, AutoScaleError? error)
        {
            TargetDedicatedNodes = targetDedicatedNodes;
            TargetLowPriorityNodes = targetLowPriorityNodes;
            NodeDeallocationOption = nodeDeallocationOption;
            Variables = variables;
            Error = error;
            Results = ResultFormatter.Results(targetDedicatedNodes, targetLowPriorityNodes, nodeDeallocationOption, variables);
        }

        /// <summary>The service's results string, for example <c>$TargetDedicatedNodes=3;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue</c>.</summary>
        public string Results { get; }

        public int TargetDedicatedNodes { get; }

        public int TargetLowPriorityNodes { get; }

        public string NodeDeallocationOption { get; }

        /// <summary>The assigned user variables and their formatted values, in the order the results list them.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Variables { get; }

        public AutoScaleError? Error { get; }

        public bool Succeeded => Error is null;

        public override string ToString() => Error is null ? Results : Results + " (" + Error + ")";
    }
}
