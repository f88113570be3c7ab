using System.Collections.Generic;
using ClusterlessHpc.AutoScale.Language;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Rules
{
    /// <summary>Rules for the <c>[AutoScale]</c> settings (the formula's own language is checked by the formula checker).</summary>
    internal static class AutoScaleSettingsRules
    {
        internal static void Check(PoolDefinition d, List<PoolDiagnostic> found)
        {
            if (d.AutoScale is not { } autoScale) return;
            if (autoScale.Formula.Trim().Length == 0)
            {
                found.Add(new(DiagnosticCatalogue.AutoScaleNeedsFormula, DefinitionTarget.AutoScaleFormula));
            }
            else
            {
                // The formula's own language: the one checker the runtime's evaluator is built on.
                foreach (var problem in FormulaChecker.Check(autoScale.Formula))
                {
                    found.Add(PoolDiagnostic.InFormula(problem.Rule, problem.Start, problem.Length, problem.Line, problem.Column, problem.MessageArgs));
                }
            }
            if (autoScale.EvaluationIntervalMinutes is < ServiceLimits.MinEvaluationIntervalMinutes or > ServiceLimits.MaxEvaluationIntervalMinutes)
            {
                found.Add(new(DiagnosticCatalogue.EvaluationIntervalMustBeInRange, DefinitionTarget.AutoScaleInterval, autoScale.EvaluationIntervalMinutes));
            }
            if (d.NodeCount is { } nodes) found.Add(new(DiagnosticCatalogue.NodeCountIgnoredWithAutoScale, DefinitionTarget.NodeCount, "NodeCount", nodes));
            if (d.LowPriorityNodeCount is { } low) found.Add(new(DiagnosticCatalogue.NodeCountIgnoredWithAutoScale, DefinitionTarget.LowPriorityNodeCount, "LowPriorityNodeCount", low));
        }
    }
}
