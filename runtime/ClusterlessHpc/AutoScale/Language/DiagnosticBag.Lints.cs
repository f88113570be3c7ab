using System.Globalization;
using ClusterlessHpc.AutoScale.Language.BuiltIns;
using ClusterlessHpc.AutoScale.Language.Syntax;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.AutoScale.Language
{
    /// <summary>The warnings about valid formulas that are likely wrong (Lints/FormulaLinter).</summary>
    internal sealed partial class DiagnosticBag
    {
        public void ConstantCondition(ExpressionSyntax condition, bool value) =>
            Add(DiagnosticCatalogue.FormulaConditionShouldNotBeConstant, condition.Start, condition.Length, Snippet(condition),
                value ? "true" : "false", value ? "first" : "second");

        public void OtherTargetRead(NameSyntax read, SystemVariable target, string assigned) =>
            Add(DiagnosticCatalogue.FormulaShouldNotReadUnsetTarget, read.Start, read.Length, read.Name, assigned,
                target.CanonicalName == SystemVariables.TargetDedicatedNodes ? "dedicated" : "Spot/low-priority");

        public void TargetMayBeTruncated(AssignmentStatementSyntax assignment, double? constant, bool fraction, bool negative)
        {
            string what;
            if (constant is { } value) what = value.ToString("R", CultureInfo.InvariantCulture);
            else if (fraction && negative) what = "a fraction or a negative number";
            else what = fraction ? "a fraction" : "a negative number";
            var why = "";
            if (fraction)
            {
                why = "Batch truncates a fractional target toward zero (users report 0.5 becoming 0 and 2.9 becoming 2), " +
                    "so round it the way you mean, with ceil(...), floor(...) or round(...)";
            }
            if (negative)
            {
                why += (why.Length > 0 ? "; " : "") +
                    "what Batch does with a negative target is not documented: it may fail the evaluation or treat it as 0, so wrap it in max(0, ...)";
            }
            Add(DiagnosticCatalogue.FormulaTargetShouldBeWholeNumber, assignment.Value.Start, assignment.Value.Length,
                assignment.NameText, what, Snippet(assignment.Value), why);
        }

        public void SampleMayBeMissing(MethodCallSyntax read, string function)
        {
            var fix = function == "val" || function == "percentile"
                ? "use max(0, ...) instead, or choose this branch with a check of Count() or GetSamplePercent(...)"
                : "give it a value to fall back on, as in " + function + "(0, ...), or choose this branch with a check of Count() or GetSamplePercent(...)";
            Add(DiagnosticCatalogue.FormulaSampleReadShouldHaveFallback, read.Start, read.Length, Snippet(read), function, fix);
        }

        public void WindowInLastMinute(MethodCallSyntax method, long seconds) =>
            Add(DiagnosticCatalogue.FormulaSampleWindowShouldReachPastLastMinute, method.Start, method.Length, Snippet(method),
                seconds.ToString(CultureInfo.InvariantCulture), method.NameText);

        public void LegacyAlias(int start, int length, SystemVariable alias) =>
            Add(DiagnosticCatalogue.FormulaShouldUseCurrentName, start, length, alias.Name, alias.CanonicalName);
    }
}
