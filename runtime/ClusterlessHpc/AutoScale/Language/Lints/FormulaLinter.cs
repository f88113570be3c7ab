using System.Collections.Generic;
using ClusterlessHpc.AutoScale.Language.BuiltIns;
using ClusterlessHpc.AutoScale.Language.Syntax;

namespace ClusterlessHpc.AutoScale.Language.Lints
{
    /// <summary>
    /// The warnings about formulas that are valid but likely wrong (CHPC1042–CHPC1047). It folds constants and follows
    /// what is known of each value through the statements in order, on the syntax alone: it never evaluates the formula
    /// (the analyzer must not run the evaluator). Runs only on a formula without errors, so every name is bound.
    /// </summary>
    internal sealed partial class FormulaLinter
    {
        private const long LastMinuteTicks = 60 * TimeIntervals.TicksPerSecond;

        private readonly DiagnosticBag _diagnostics;
        private readonly Dictionary<string, LintFacts> _variables = new(System.StringComparer.Ordinal);
        private readonly HashSet<MethodCallSyntax> _reportedEmpty = new();

        private FormulaLinter(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

        public static void Lint(FormulaSyntax formula, DiagnosticBag diagnostics)
        {
            var linter = new FormulaLinter(diagnostics);
            linter.LintOtherTargetReads(formula);
            foreach (var statement in formula.Statements) linter.LintStatement(statement);
        }

        private void LintStatement(StatementSyntax statement)
        {
            if (statement is ExpressionStatementSyntax bare)
            {
                Walk(bare.Expression, false);
                return;
            }
            var assignment = (AssignmentStatementSyntax)statement;
            var system = SystemVariables.Find(assignment.NameText);
            if (system is { IsAlias: true }) _diagnostics.LegacyAlias(assignment.Name.Start, assignment.Name.Length, system);
            if (system is { Kind: SystemVariableKind.DeallocationOption }) return;
            var value = Walk(assignment.Value, false);
            if (system is { Kind: SystemVariableKind.Target })
            {
                if (value.Fraction || value.Negative) _diagnostics.TargetMayBeTruncated(assignment, value.Number, value.Fraction, value.Negative);
                _variables[system.CanonicalName] = value;
            }
            else
            {
                _variables[assignment.NameText] = value;
            }
        }

        /// <summary>
        /// A formula that sets one target and reads the other gets the pool's current value of the other: on a
        /// low-priority pool, reading $TargetDedicatedNodes reads the 0 it always is.
        /// </summary>
        private void LintOtherTargetReads(FormulaSyntax formula)
        {
            var assigned = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var statement in formula.Statements)
            {
                if (statement is AssignmentStatementSyntax assignment && SystemVariables.Find(assignment.NameText) is { Kind: SystemVariableKind.Target } target)
                {
                    assigned.Add(target.CanonicalName);
                }
            }
            if (assigned.Count != 1) return;
            var set = System.Linq.Enumerable.First(assigned);
            foreach (var statement in formula.Statements)
            {
                var expression = statement is AssignmentStatementSyntax a ? a.Value : ((ExpressionStatementSyntax)statement).Expression;
                foreach (var name in Names(expression))
                {
                    if (SystemVariables.Find(name.Name) is { Kind: SystemVariableKind.Target } read && read.CanonicalName != set)
                    {
                        _diagnostics.OtherTargetRead(name, read, set);
                    }
                }
            }
        }

        private static IEnumerable<NameSyntax> Names(ExpressionSyntax expression)
        {
            var pending = new Stack<ExpressionSyntax>();
            pending.Push(expression);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case NameSyntax name: yield return name; break;
                    case ParenthesizedSyntax p: pending.Push(p.Inner); break;
                    case UnarySyntax u: pending.Push(u.Operand); break;
                    case BinarySyntax b: pending.Push(b.Right); pending.Push(b.Left); break;
                    case ConditionalSyntax c: pending.Push(c.WhenFalse); pending.Push(c.WhenTrue); pending.Push(c.Condition); break;
                    case CallSyntax call: for (var i = call.Arguments.Count - 1; i >= 0; i--) pending.Push(call.Arguments[i]); break;
                    case MethodCallSyntax m: for (var i = m.Arguments.Count - 1; i >= 0; i--) pending.Push(m.Arguments[i]); pending.Push(m.Receiver); break;
                    case MemberAccessSyntax member: pending.Push(member.Receiver); break;
                }
            }
        }
    }
}
