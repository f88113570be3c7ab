using System.Collections.Generic;
using ClusterlessHpc.AutoScale.Language.BuiltIns;
using ClusterlessHpc.AutoScale.Language.Syntax;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.AutoScale.Language.Binding
{
    /// <summary>
    /// Resolves every name and type of a parsed formula, in statement order: a user variable exists from the end of its
    /// first assignment on, with the type of its latest one. Reports each problem once, on the offending text.
    /// </summary>
    internal sealed partial class Binder
    {
        private readonly string _text;
        private readonly DiagnosticBag _diagnostics;
        private readonly Dictionary<string, int> _slots = new(System.StringComparer.Ordinal);
        private readonly List<string> _slotNames = new();
        private readonly Dictionary<string, FormulaType> _assigned = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, int> _firstAssignment = new(System.StringComparer.Ordinal);
        private LineMap? _lines;

        private Binder(string text, DiagnosticBag diagnostics)
        {
            _text = text;
            _diagnostics = diagnostics;
        }

        public static BoundFormula Bind(FormulaSyntax formula, string text, DiagnosticBag diagnostics)
        {
            var binder = new Binder(text, diagnostics);
            var assignsTarget = binder.CollectAssignments(formula);
            var statements = new List<BoundStatement>(formula.Statements.Count);
            foreach (var statement in formula.Statements) statements.Add(binder.BindStatement(statement));
            if (!assignsTarget && formula.Statements.Count > 0) binder.WarnNoTarget(formula);
            return new BoundFormula(statements, binder._slotNames);
        }

        private bool CollectAssignments(FormulaSyntax formula)
        {
            var assignsTarget = false;
            foreach (var statement in formula.Statements)
            {
                if (statement is not AssignmentStatementSyntax assignment) continue;
                var system = SystemVariables.Find(assignment.NameText);
                if (system is not null)
                {
                    assignsTarget |= system.Kind == SystemVariableKind.Target;
                }
                else if (!_firstAssignment.ContainsKey(assignment.NameText))
                {
                    _firstAssignment.Add(assignment.NameText, assignment.Name.Start);
                }
            }
            return assignsTarget;
        }

        private void WarnNoTarget(FormulaSyntax formula)
        {
            // A target written in the wrong case is a user variable; say so, on that assignment.
            foreach (var statement in formula.Statements)
            {
                if (statement is AssignmentStatementSyntax assignment && SystemVariables.Find(assignment.NameText) is null)
                {
                    foreach (var target in new[] { SystemVariables.TargetDedicatedNodes, SystemVariables.TargetLowPriorityNodes, SystemVariables.TargetDedicated, SystemVariables.TargetLowPriority })
                    {
                        if (string.Equals(target, assignment.NameText, System.StringComparison.OrdinalIgnoreCase))
                        {
                            Report(DiagnosticCatalogue.FormulaShouldAssignTarget, assignment.Name.Start, assignment.Name.Length,
                                "; '" + assignment.NameText + "' is a user variable because names are case-sensitive (did you mean '" + target + "'?)");
                            return;
                        }
                    }
                }
            }
            var first = formula.Statements[0];
            Report(DiagnosticCatalogue.FormulaShouldAssignTarget, first.Start, first.Length, "");
        }

        private BoundStatement BindStatement(StatementSyntax statement)
        {
            if (statement.HasSyntaxErrors)
            {
                // Already reported: only note the assignment, so later reads of the variable do not cascade.
                if (statement is AssignmentStatementSyntax broken && SystemVariables.Find(broken.NameText) is null)
                {
                    Slot(broken.NameText);
                    _assigned[broken.NameText] = FormulaType.Error;
                }
                return new BoundStatement(null, -1, null, null, new BoundError(statement.Start), null, statement.Start);
            }
            if (statement is AssignmentStatementSyntax assignment) return BindAssignment(assignment);
            var expression = ((ExpressionStatementSyntax)statement).Expression;
            var value = BindExpression(expression);
            return new BoundStatement(null, -1, null, null, value, null, statement.Start);
        }

        private BoundStatement BindAssignment(AssignmentStatementSyntax assignment)
        {
            var name = assignment.NameText;
            var nameToken = assignment.Name;
            var system = SystemVariables.Find(name);
            if (system is not null)
            {
                if (system.Kind == SystemVariableKind.DeallocationOption) return BindDeallocationOption(assignment, system);
                var systemValue = BindExpression(assignment.Value);
                if (!system.IsWritable)
                {
                    Report(DiagnosticCatalogue.FormulaReadOnlyMustNotBeAssigned, nameToken.Start, nameToken.Length, name,
                        "it is a read-only system variable (" + system.Description + ")");
                }
                else if (systemValue.Type != FormulaType.Double && systemValue.Type != FormulaType.Error)
                {
                    TypeError(assignment, "'" + name + "' takes a double, but '" + Snippet(assignment.Value) + "' is " + Article(systemValue.Type) +
                        (systemValue.Type == FormulaType.DoubleVec ? "; reduce it first, for example with max(...) or avg(...)" : ""));
                }
                return new BoundStatement(AssignmentTarget.SystemTarget, -1, name, system, systemValue, null, nameToken.Start);
            }

            var reserved = ReservedReason(name);
            if (reserved is not null)
            {
                Report(DiagnosticCatalogue.FormulaReadOnlyMustNotBeAssigned, nameToken.Start, nameToken.Length, name, reserved);
            }
            var value = BindExpression(assignment.Value);
            if (value.Type == FormulaType.None)
            {
                TypeError(assignment, "'" + Snippet(assignment.Value) + "' has no value to assign");
            }
            var slot = Slot(name);
            _assigned[name] = value.Type == FormulaType.None ? FormulaType.Error : value.Type;
            return new BoundStatement(AssignmentTarget.UserVariable, slot, name, null, value, null, nameToken.Start);
        }

        private BoundStatement BindDeallocationOption(AssignmentStatementSyntax assignment, SystemVariable system)
        {
            var value = assignment.Value;
            if (value is NameSyntax word && DeallocationOptions.IsKeyword(word.Name))
            {
                return new BoundStatement(AssignmentTarget.DeallocationOption, -1, assignment.NameText, system, null, word.Name, assignment.Name.Start);
            }
            if (value is not ErrorExpressionSyntax)
            {
                var text = Snippet(value);
                var what = value is StringLiteralSyntax ? "the string " + text + " is not a bare word" : "'" + text + "' is not a deallocation keyword";
                var key = value is StringLiteralSyntax literal ? literal.Value : text;
                Report(DiagnosticCatalogue.FormulaNodeDeallocationOptionMustBeValid, value.Start, value.Length, what,
                    Suggestions.Hint(key, DeallocationOptions.All));
            }
            return new BoundStatement(AssignmentTarget.DeallocationOption, -1, assignment.NameText, system, null, DeallocationOptions.Default, assignment.Name.Start);
        }

        private static string? ReservedReason(string name)
        {
            if (TimeIntervals.All.ContainsKey(name)) return "it is a built-in time interval constant";
            if (DeallocationOptions.IsKeyword(name)) return "it is a $NodeDeallocationOption keyword";
            if (Functions.All.ContainsKey(name)) return "it is the name of a built-in function";
            return null;
        }

        private int Slot(string name)
        {
            if (_slots.TryGetValue(name, out var slot)) return slot;
            slot = _slotNames.Count;
            _slots.Add(name, slot);
            _slotNames.Add(name);
            return slot;
        }

        private BoundExpression BindName(NameSyntax syntax)
        {
            var name = syntax.Name;
            var system = SystemVariables.Find(name);
            if (system is not null)
            {
                if (system.Kind == SystemVariableKind.DeallocationOption)
                {
                    Report(DiagnosticCatalogue.FormulaNodeDeallocationOptionMustBeValid, syntax.Start, syntax.Length,
                        "'" + name + "' cannot be read", "; it can only be assigned");
                    return new BoundError(syntax.Start);
                }
                return new BoundSystemRead(system, syntax.Start);
            }
            if (TimeIntervals.All.TryGetValue(name, out var ticks)) return new BoundInterval(ticks, syntax.Start);
            if (DeallocationOptions.IsKeyword(name))
            {
                Report(DiagnosticCatalogue.FormulaNodeDeallocationOptionMustBeValid, syntax.Start, syntax.Length,
                    "'" + name + "' is a keyword with no value", "; it is only valid as the right-hand side of '$NodeDeallocationOption ='");
                return new BoundError(syntax.Start);
            }
            if (_assigned.TryGetValue(name, out var type))
            {
                return type == FormulaType.Error ? new BoundError(syntax.Start) : new BoundVariable(_slots[name], name, type, syntax.Start);
            }
            if (_firstAssignment.TryGetValue(name, out var first))
            {
                _lines ??= new LineMap(_text);
                var (line, column) = _lines.Position(first);
                var where = first < syntax.Start
                    ? " (this statement is its first assignment, and its right-hand side is evaluated first)"
                    : " (its first assignment is at line " + line + ", column " + column + ")";
                Report(DiagnosticCatalogue.FormulaVariableMustBeAssignedBeforeUse, syntax.Start, syntax.Length, name, where);
                return new BoundError(syntax.Start);
            }
            var hint = Functions.All.ContainsKey(name)
                ? "; '" + name + "' is a function, call it as " + name + "(...)"
                : Suggestions.Hint(name, KnownNames());
            Report(DiagnosticCatalogue.FormulaVariableMustExist, syntax.Start, syntax.Length, name, hint);
            return new BoundError(syntax.Start);
        }

        private IEnumerable<string> KnownNames()
        {
            foreach (var variable in SystemVariables.All) yield return variable.Name;
            foreach (var constant in TimeIntervals.All.Keys) yield return constant;
            foreach (var user in _firstAssignment.Keys) yield return user;
        }

        private void Report(PoolRule rule, int start, int length, params object[] args) => _diagnostics.Add(rule, start, length, args);

        private void TypeError(SyntaxNode node, string why) =>
            Report(DiagnosticCatalogue.FormulaTypesMustMatch, node.Start, node.Length, Snippet(node), why);

        private string Snippet(SyntaxNode node) => FormulaText.Snippet(_text, node.Start, node.Length);

        private static string Article(FormulaType type) =>
            type == FormulaType.None ? "no value" : "a " + type.Name();
    }
}
