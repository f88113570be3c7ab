using System;
using System.Collections.Generic;
using ClusterlessHpc.AutoScale.Language;
using ClusterlessHpc.AutoScale.Language.Binding;
using ClusterlessHpc.AutoScale.Language.BuiltIns;

namespace ClusterlessHpc.AutoScale.Evaluation
{
    /// <summary>
    /// Runs a bound formula against a context, statement by statement, as the service does: the first failure stops
    /// the evaluation and leaves the pool as it was; stop() ends it keeping what was assigned so far.
    /// </summary>
    internal sealed partial class Evaluator
    {
        private const int TargetDedicatedNodes = 0, TargetDedicated = 1, TargetLowPriorityNodes = 2, TargetLowPriority = 3;

        private readonly AutoScaleContext _context;
        private readonly long _now;
        private readonly FormulaValue[] _slots;
        private readonly bool[] _assigned;
        private readonly double[] _targets = new double[4];
        private readonly int[] _targetPositions = { -1, -1, -1, -1 };
        private string _option = DeallocationOptions.Default;
        private Random? _random;

        private Evaluator(BoundFormula formula, AutoScaleContext context)
        {
            _context = context;
            _now = context.Now.UtcTicks;
            _slots = new FormulaValue[formula.VariableNames.Count];
            _assigned = new bool[formula.VariableNames.Count];
        }

        public static AutoScaleEvaluation Run(BoundFormula formula, string text, AutoScaleContext context)
        {
            var evaluator = new Evaluator(formula, context);
            try
            {
                evaluator.Execute(formula);
                var dedicated = evaluator.FinalTarget(TargetDedicatedNodes, TargetDedicated, context.TargetDedicatedNodes);
                var lowPriority = evaluator.FinalTarget(TargetLowPriorityNodes, TargetLowPriority, context.TargetLowPriorityNodes);
                return new AutoScaleEvaluation(dedicated, lowPriority, evaluator._option, evaluator.Variables(formula), null);
            }
            catch (EvaluationFailure failure)
            {
                var (line, column) = new LineMap(text).Position(failure.Position);
                var error = new AutoScaleError(failure.Code, AutoScaleErrorCodes.MessageFor(failure.Code), line, column, failure.Message);
                return new AutoScaleEvaluation(context.TargetDedicatedNodes, context.TargetLowPriorityNodes, DeallocationOptions.Default,
                    Array.Empty<KeyValuePair<string, string>>(), error);
            }
        }

        private void Execute(BoundFormula formula)
        {
            foreach (var statement in formula.Statements)
            {
                switch (statement.Target)
                {
                    case null:
                        if (statement.Value is BoundFunctionCall { Function: FunctionKind.Stop }) return;
                        Evaluate(statement.Value!);
                        break;
                    case AssignmentTarget.UserVariable:
                        _slots[statement.Slot] = Evaluate(statement.Value!);
                        _assigned[statement.Slot] = true;
                        break;
                    case AssignmentTarget.SystemTarget:
                        var index = TargetIndex(statement.System!);
                        _targets[index] = Evaluate(statement.Value!).Number;
                        _targetPositions[index] = statement.Position;
                        break;
                    case AssignmentTarget.DeallocationOption:
                        _option = statement.Keyword!;
                        break;
                }
            }
        }

        /// <summary>The full name wins over its alias when both are assigned (docs); fractions are truncated.</summary>
        private int FinalTarget(int full, int alias, int current)
        {
            var index = _targetPositions[full] >= 0 ? full : _targetPositions[alias] >= 0 ? alias : -1;
            if (index < 0) return current;
            var value = _targets[index];
            if (double.IsNaN(value) || value < 0 || value >= (double)int.MaxValue + 1)
            {
                var name = index == full ? (full == TargetDedicatedNodes ? SystemVariables.TargetDedicatedNodes : SystemVariables.TargetLowPriorityNodes)
                    : (alias == TargetDedicated ? SystemVariables.TargetDedicated : SystemVariables.TargetLowPriority);
                throw new EvaluationFailure(AutoScaleErrorCodes.EvaluationError, _targetPositions[index],
                    name + " must be a node count from 0 to " + int.MaxValue + ", but the formula gives it " + ResultFormatter.FormatNumber(value));
            }
            return (int)value;
        }

        private IReadOnlyList<KeyValuePair<string, string>> Variables(BoundFormula formula)
        {
            var variables = new List<KeyValuePair<string, string>>(_slots.Length);
            for (var slot = 0; slot < _slots.Length; slot++)
            {
                if (_assigned[slot]) variables.Add(new KeyValuePair<string, string>(formula.VariableNames[slot], ResultFormatter.Format(_slots[slot])));
            }
            variables.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return variables;
        }

        private static int TargetIndex(SystemVariable variable)
        {
            switch (variable.Name)
            {
                case SystemVariables.TargetDedicatedNodes: return TargetDedicatedNodes;
                case SystemVariables.TargetDedicated: return TargetDedicated;
                case SystemVariables.TargetLowPriorityNodes: return TargetLowPriorityNodes;
                default: return TargetLowPriority;
            }
        }

        private FormulaValue Evaluate(BoundExpression expression)
        {
            switch (expression)
            {
                case BoundNumber number: return FormulaValue.Double(number.Value);
                case BoundString text: return FormulaValue.String(text.Value);
                case BoundInterval interval: return FormulaValue.Interval(interval.Ticks);
                case BoundVariable variable: return _slots[variable.Slot];
                case BoundSystemRead read: return FormulaValue.Double(ReadSystem(read));
                case BoundUnary unary: return EvaluateUnary(unary);
                case BoundBinary binary: return EvaluateBinary(binary);
                case BoundConditional conditional:
                    return Evaluate(conditional.Condition).Number != 0 ? Evaluate(conditional.WhenTrue) : Evaluate(conditional.WhenFalse);
                case BoundFunctionCall call: return EvaluateCall(call);
                case BoundSampleCall sample: return EvaluateSampleCall(sample);
                case BoundMember member: return FormulaValue.Double(Member(member.Member, Evaluate(member.Receiver).Ticks));
                default: throw new EvaluationFailure(AutoScaleErrorCodes.EvaluationError, expression.Position, "the expression cannot be evaluated");
            }
        }

        private double ReadSystem(BoundSystemRead read)
        {
            var variable = read.Variable;
            switch (variable.Kind)
            {
                case SystemVariableKind.Target:
                {
                    var index = TargetIndex(variable);
                    if (_targetPositions[index] >= 0) return _targets[index];
                    return variable.CanonicalName == SystemVariables.TargetDedicatedNodes ? _context.TargetDedicatedNodes : _context.TargetLowPriorityNodes;
                }
                case SystemVariableKind.NodeCount:
                    return variable.CanonicalName == SystemVariables.CurrentDedicatedNodes ? _context.CurrentDedicatedNodes : _context.CurrentLowPriorityNodes;
                case SystemVariableKind.PoolSetting:
                    return _context.TaskSlotsPerNode;
                default:
                {
                    // A metric used as a value is its most recent sample.
                    var series = _context.SamplesOf(variable.CanonicalName);
                    var upTo = series.FirstAfter(_now);
                    if (upTo == 0) throw NoSamples(variable, read.Position);
                    return series.ValueAt(upTo - 1);
                }
            }
        }

        private static double Member(TimestampMember member, long ticks)
        {
            var time = new DateTime(ticks, DateTimeKind.Utc);
            switch (member)
            {
                case TimestampMember.Year: return time.Year;
                case TimestampMember.Month: return time.Month;
                case TimestampMember.Day: return time.Day;
                case TimestampMember.Weekday: return time.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)time.DayOfWeek;
                case TimestampMember.Hour: return time.Hour;
                case TimestampMember.Minute: return time.Minute;
                default: return time.Second;
            }
        }

        private static EvaluationFailure NoSamples(SystemVariable variable, int position) =>
            new(AutoScaleErrorCodes.InsufficientSampleData, position, "Insufficient data from data set: " + variable.Name + " has no samples");

        private static EvaluationFailure Failure(int position, string detail) =>
            new(AutoScaleErrorCodes.EvaluationError, position, detail);
    }
}
