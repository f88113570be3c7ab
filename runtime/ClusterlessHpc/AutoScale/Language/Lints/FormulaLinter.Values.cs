using System.Collections.Generic;
using ClusterlessHpc.AutoScale.Language.BuiltIns;
using ClusterlessHpc.AutoScale.Language.Syntax;

namespace ClusterlessHpc.AutoScale.Language.Lints
{
    /// <summary>What is known of each expression, and the lints found on the way.</summary>
    internal sealed partial class FormulaLinter
    {
        /// <summary>The metrics that count things, so their samples are whole and never negative; the others are averages or sizes.</summary>
        private static readonly HashSet<string> Counts = new(System.StringComparer.Ordinal)
        {
            "$SampleNodeCount", "$ActiveTasks", "$RunningTasks", "$PendingTasks", "$SucceededTasks", "$FailedTasks", "$PreemptedNodeCount",
            SystemVariables.CurrentDedicatedNodes, SystemVariables.CurrentLowPriorityNodes, SystemVariables.TaskSlotsPerNode,
        };

        /// <summary>What is known of <paramref name="expression"/>; <paramref name="guarded"/> when inside a branch of '?:' whose condition checks how many samples exist.</summary>
        private LintFacts Walk(ExpressionSyntax expression, bool guarded)
        {
            switch (expression)
            {
                case NumberLiteralSyntax number: return LintFacts.Constant(number.Value);
                case ParenthesizedSyntax parenthesized: return Walk(parenthesized.Inner, guarded);
                case NameSyntax name: return Name(name);
                case UnarySyntax unary: return Unary(unary, guarded);
                case BinarySyntax binary: return Binary(binary, guarded);
                case ConditionalSyntax conditional: return Conditional(conditional, guarded);
                case CallSyntax call: return Call(call, guarded);
                case MethodCallSyntax method: return SampleMethod(method, guarded);
                case MemberAccessSyntax member:
                    Walk(member.Receiver, guarded);
                    return LintFacts.Count();
                default: return LintFacts.Other;
            }
        }

        private LintFacts Name(NameSyntax name)
        {
            var system = SystemVariables.Find(name.Name);
            if (system is not null)
            {
                if (system.IsAlias) _diagnostics.LegacyAlias(name.Start, name.Length, system);
                if (_variables.TryGetValue(system.CanonicalName, out var assigned)) return assigned;
                return system.Kind == SystemVariableKind.Target || Counts.Contains(system.CanonicalName)
                    ? LintFacts.Count()
                    : new LintFacts(LintKind.Number, fraction: true);
            }
            if (TimeIntervals.All.TryGetValue(name.Name, out var ticks)) return new LintFacts(LintKind.Interval, ticks: ticks);
            return _variables.TryGetValue(name.Name, out var facts) ? facts : LintFacts.Other;
        }

        private LintFacts Unary(UnarySyntax unary, bool guarded)
        {
            var operand = Walk(unary.Operand, guarded);
            if (unary.Operator == TokenKind.Bang) return LintFacts.Truth(operand.Number is { } n ? n == 0 : null, operand.SampleCheck);
            if (operand.Kind == LintKind.Interval) return new LintFacts(LintKind.Interval, ticks: -operand.Ticks);
            if (operand.Number is { } value) return LintFacts.Constant(-value);
            return new LintFacts(operand.Kind, fraction: operand.Fraction, negative: true, sampleCheck: operand.SampleCheck, mayBeEmpty: operand.MayBeEmpty,
                lower: -operand.Upper, upper: -operand.Lower);
        }

        private LintFacts Binary(BinarySyntax binary, bool guarded)
        {
            var left = Walk(binary.Left, guarded);
            var right = Walk(binary.Right, guarded);
            var check = left.SampleCheck || right.SampleCheck;
            switch (binary.Operator)
            {
                case TokenKind.AmpersandAmpersand:
                    if (left.Number == 0 || right.Number == 0) return LintFacts.Truth(false, check);
                    return LintFacts.Truth(left.Number is { } a && right.Number is { } b ? a != 0 && b != 0 : null, check);
                case TokenKind.BarBar:
                    if ((left.Number is { } l && l != 0) || (right.Number is { } r && r != 0)) return LintFacts.Truth(true, check);
                    return LintFacts.Truth(left.Number is not null && right.Number is not null ? false : null, check);
                case TokenKind.Less:
                case TokenKind.LessEqual:
                case TokenKind.Greater:
                case TokenKind.GreaterEqual:
                case TokenKind.EqualEqual:
                case TokenKind.BangEqual:
                    return LintFacts.Truth(Compare(binary.Operator, left, right), check);
            }

            if (left.Kind == LintKind.Interval || right.Kind == LintKind.Interval) return Interval(binary.Operator, left, right);
            var kind = left.Kind == LintKind.Vector || right.Kind == LintKind.Vector ? LintKind.Vector : left.Kind;
            if (kind == LintKind.Other || right.Kind == LintKind.Other) return LintFacts.Other;
            var empty = left.MayBeEmpty ?? right.MayBeEmpty;
            if (left.Number is { } x && right.Number is { } y)
            {
                var folded = binary.Operator switch
                {
                    TokenKind.Plus => x + y,
                    TokenKind.Minus => x - y,
                    TokenKind.Star => x * y,
                    _ => x / y,
                };
                return LintFacts.Constant(folded);
            }
            bool fraction, negative;
            double? lower = null, upper = null;
            switch (binary.Operator)
            {
                case TokenKind.Plus:
                    fraction = left.Fraction || right.Fraction;
                    negative = left.Negative || right.Negative;
                    (lower, upper) = (left.Lower + right.Lower, left.Upper + right.Upper);
                    break;
                case TokenKind.Minus:
                    fraction = left.Fraction || right.Fraction;
                    negative = !(right.Number == 0) || left.Negative;
                    (lower, upper) = (left.Lower - right.Upper, left.Upper - right.Lower);
                    break;
                case TokenKind.Star: fraction = left.Fraction || right.Fraction; negative = left.Negative || right.Negative; break;
                default: fraction = !(right.Number is 1 or -1) || left.Fraction; negative = left.Negative || right.Negative; break;
            }
            return new LintFacts(kind, fraction: fraction, negative: negative, sampleCheck: check, mayBeEmpty: empty, lower: lower, upper: upper);
        }

        private static LintFacts Interval(TokenKind op, LintFacts left, LintFacts right)
        {
            long? ticks = null;
            if (op == TokenKind.Star && left.Kind == LintKind.Interval && right.Number is { } times && left.Ticks is { } l) ticks = Scale(l, times);
            else if (op == TokenKind.Star && right.Kind == LintKind.Interval && left.Number is { } by && right.Ticks is { } r) ticks = Scale(r, by);
            else if (op == TokenKind.Slash && left.Ticks is { } dividend && right.Number is { } divisor && divisor != 0) ticks = Scale(dividend, 1 / divisor);
            else if (left.Kind == LintKind.Interval && right.Kind == LintKind.Interval && left.Ticks is { } a && right.Ticks is { } b)
            {
                ticks = op == TokenKind.Plus ? a + b : op == TokenKind.Minus ? a - b : null;
            }
            var bothIntervals = left.Kind == LintKind.Interval && right.Kind == LintKind.Interval;
            var timestamp = left.Kind == LintKind.Other || right.Kind == LintKind.Other;
            return bothIntervals || !timestamp ? new LintFacts(LintKind.Interval, ticks: ticks) : LintFacts.Other;
        }

        private static long? Scale(long ticks, double by)
        {
            var scaled = ticks * by;
            return System.Math.Abs(scaled) < long.MaxValue / 2.0 ? (long)scaled : null;
        }

        private static bool? Compare(TokenKind op, LintFacts left, LintFacts right)
        {
            double a, b;
            if (left.Number is { } x && right.Number is { } y) { a = x; b = y; }
            else if (left.Ticks is { } s && right.Ticks is { } t) { a = s; b = t; }
            else return null;
            return op switch
            {
                TokenKind.Less => a < b,
                TokenKind.LessEqual => a <= b,
                TokenKind.Greater => a > b,
                TokenKind.GreaterEqual => a >= b,
                TokenKind.EqualEqual => a == b,
                _ => a != b,
            };
        }

        private LintFacts Conditional(ConditionalSyntax conditional, bool guarded)
        {
            var condition = Walk(conditional.Condition, guarded);
            var inner = guarded || condition.SampleCheck;
            var whenTrue = Walk(conditional.WhenTrue, inner);
            var whenFalse = Walk(conditional.WhenFalse, inner);
            if (condition.Number is { } value)
            {
                _diagnostics.ConstantCondition(conditional.Condition, value != 0);
                return value != 0 ? whenTrue : whenFalse;
            }
            return LintFacts.Either(whenTrue, whenFalse);
        }
    }
}
