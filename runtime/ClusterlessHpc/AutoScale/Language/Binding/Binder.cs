using System.Collections.Generic;
using ClusterlessHpc.AutoScale.Language.BuiltIns;
using ClusterlessHpc.AutoScale.Language.Syntax;

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
                            _diagnostics.TargetInWrongCase(assignment.Name, assignment.NameText, target);
                            return;
                        }
                    }
                }
            }
            _diagnostics.NoTarget(formula.Statements[0]);
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
                    _diagnostics.ReadOnlySystemVariable(nameToken, system);
                }
                else if (systemValue.Type == FormulaType.None)
                {
                    _diagnostics.NoValue(assignment.Value, NoValueUse.Assigned);
                }
                else if (systemValue.Type != FormulaType.Double && systemValue.Type != FormulaType.Error)
                {
                    _diagnostics.TargetType(assignment, systemValue.Type);
                }
                return new BoundStatement(AssignmentTarget.SystemTarget, -1, name, system, systemValue, null, nameToken.Start);
            }

            var reserved = Reserved(name);
            if (reserved != ReservedName.None) _diagnostics.ReservedNameAssigned(nameToken, name, reserved);
            var value = BindExpression(assignment.Value);
            if (value.Type == FormulaType.None) _diagnostics.NoValue(assignment.Value, NoValueUse.Assigned);
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
            if (value is not ErrorExpressionSyntax) _diagnostics.DeallocationValue(value);
            return new BoundStatement(AssignmentTarget.DeallocationOption, -1, assignment.NameText, system, null, DeallocationOptions.Default, assignment.Name.Start);
        }

        private static ReservedName Reserved(string name)
        {
            if (TimeIntervals.All.ContainsKey(name)) return ReservedName.TimeInterval;
            if (DeallocationOptions.IsKeyword(name)) return ReservedName.DeallocationKeyword;
            if (Functions.All.ContainsKey(name)) return ReservedName.Function;
            return ReservedName.None;
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
                    _diagnostics.DeallocationNameRead(syntax);
                    return new BoundError(syntax.Start);
                }
                return new BoundSystemRead(system, syntax.Start);
            }
            if (TimeIntervals.All.TryGetValue(name, out var ticks)) return new BoundInterval(ticks, syntax.Start);
            if (DeallocationOptions.IsKeyword(name))
            {
                _diagnostics.DeallocationNameRead(syntax);
                return new BoundError(syntax.Start);
            }
            if (_assigned.TryGetValue(name, out var type))
            {
                return type == FormulaType.Error ? new BoundError(syntax.Start) : new BoundVariable(_slots[name], name, type, syntax.Start);
            }
            if (_firstAssignment.TryGetValue(name, out var first))
            {
                _diagnostics.ReadBeforeAssignment(syntax, first);
                return new BoundError(syntax.Start);
            }
            _diagnostics.UnknownVariable(syntax.Start, syntax.Length, name, KnownNames());
            return new BoundError(syntax.Start);
        }

        private IEnumerable<string> KnownNames()
        {
            foreach (var variable in SystemVariables.All) yield return variable.Name;
            foreach (var constant in TimeIntervals.All.Keys) yield return constant;
            foreach (var user in _firstAssignment.Keys) yield return user;
        }

        /// <summary>
        /// True, after reporting it, when <paramref name="value"/> is the no-value of stop() used where a value is
        /// needed; <paramref name="name"/> is the operator, member or method it was given to.
        /// </summary>
        private bool IsNoValue(BoundExpression value, ExpressionSyntax syntax, NoValueUse use, string name = "")
        {
            if (value.Type != FormulaType.None) return false;
            _diagnostics.NoValue(syntax, use, name);
            return true;
        }
    }
}
