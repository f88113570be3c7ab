using System;
using ClusterlessHpc.AutoScale.Language.Binding;

namespace ClusterlessHpc.AutoScale.Evaluation
{
    /// <summary>Operators, on the types the binder allowed. &amp;&amp; and || short-circuit, as ?: does.</summary>
    internal sealed partial class Evaluator
    {
        private FormulaValue EvaluateUnary(BoundUnary unary)
        {
            var operand = Evaluate(unary.Operand);
            if (unary.Operator == UnaryOperator.Not) return FormulaValue.Bool(operand.Number == 0);
            if (operand.Type == FormulaType.TimeInterval) return FormulaValue.Interval(-operand.Ticks);
            return FormulaValue.Double(-operand.Number);
        }

        private FormulaValue EvaluateBinary(BoundBinary binary)
        {
            if (binary.Operator == BinaryOperator.And)
            {
                return FormulaValue.Bool(Evaluate(binary.Left).Number != 0 && Evaluate(binary.Right).Number != 0);
            }
            if (binary.Operator == BinaryOperator.Or)
            {
                return FormulaValue.Bool(Evaluate(binary.Left).Number != 0 || Evaluate(binary.Right).Number != 0);
            }
            var left = Evaluate(binary.Left);
            var right = Evaluate(binary.Right);
            switch (binary.Operator)
            {
                case BinaryOperator.Add:
                case BinaryOperator.Subtract:
                case BinaryOperator.Multiply:
                case BinaryOperator.Divide:
                    return Arithmetic(binary, left, right);
                default:
                    return FormulaValue.Bool(Compare(binary.Operator, left, right));
            }
        }

        private FormulaValue Arithmetic(BoundBinary binary, FormulaValue left, FormulaValue right)
        {
            var op = binary.Operator;
            if (left.Type == FormulaType.Double && right.Type == FormulaType.Double)
            {
                return FormulaValue.Double(Apply(op, left.Number, right.Number));
            }
            if (left.Type == FormulaType.DoubleVec)
            {
                var vector = left.Vector;
                var result = new double[vector.Length];
                if (right.Type == FormulaType.Double)
                {
                    for (var i = 0; i < vector.Length; i++) result[i] = Apply(op, vector[i], right.Number);
                }
                else
                {
                    var other = right.Vector;
                    if (other.Length != vector.Length)
                    {
                        throw Failure(binary.Position, "the doubleVecs on each side of '" + Symbol(op) + "' have different lengths (" + vector.Length + " and " + other.Length + ")");
                    }
                    for (var i = 0; i < vector.Length; i++) result[i] = Apply(op, vector[i], other[i]);
                }
                return FormulaValue.Vec(result);
            }
            // The time rows of the operator table.
            switch (op)
            {
                case BinaryOperator.Add:
                    if (left.Type == FormulaType.TimeInterval && right.Type == FormulaType.TimeInterval) return Interval(binary, Sum(left.Ticks, right.Ticks));
                    return Timestamp(binary, Sum(left.Ticks, right.Ticks));
                case BinaryOperator.Subtract:
                    return Interval(binary, Sum(left.Ticks, -right.Ticks));
                case BinaryOperator.Multiply:
                    return left.Type == FormulaType.TimeInterval ? Interval(binary, left.Ticks * right.Number) : Interval(binary, left.Number * right.Ticks);
                default:
                    return Interval(binary, left.Ticks / right.Number);
            }
        }

        private static double Apply(BinaryOperator op, double left, double right)
        {
            switch (op)
            {
                case BinaryOperator.Add: return left + right;
                case BinaryOperator.Subtract: return left - right;
                case BinaryOperator.Multiply: return left * right;
                default: return left / right;
            }
        }

        private static bool Compare(BinaryOperator op, FormulaValue left, FormulaValue right)
        {
            int order;
            switch (left.Type)
            {
                case FormulaType.Double:
                    // IEEE: every comparison with NaN is false except '!='.
                    switch (op)
                    {
                        case BinaryOperator.Less: return left.Number < right.Number;
                        case BinaryOperator.LessOrEqual: return left.Number <= right.Number;
                        case BinaryOperator.Greater: return left.Number > right.Number;
                        case BinaryOperator.GreaterOrEqual: return left.Number >= right.Number;
                        case BinaryOperator.Equal: return left.Number == right.Number;
                        default: return left.Number != right.Number;
                    }
                case FormulaType.String:
                    order = string.CompareOrdinal(left.Text, right.Text);
                    break;
                default:
                    order = left.Ticks.CompareTo(right.Ticks);
                    break;
            }
            switch (op)
            {
                case BinaryOperator.Less: return order < 0;
                case BinaryOperator.LessOrEqual: return order <= 0;
                case BinaryOperator.Greater: return order > 0;
                case BinaryOperator.GreaterOrEqual: return order >= 0;
                case BinaryOperator.Equal: return order == 0;
                default: return order != 0;
            }
        }

        // Ticks exceed a double's 53-bit precision, so sums stay in integers; decimal only spots the overflow.
        private static decimal Sum(long left, long right) => (decimal)left + right;

        private static FormulaValue Interval(BoundBinary binary, decimal ticks)
        {
            if (ticks >= TimeSpan.MaxValue.Ticks || ticks <= TimeSpan.MinValue.Ticks)
            {
                throw Failure(binary.Position, "the time interval of '" + Symbol(binary.Operator) + "' is out of range");
            }
            return FormulaValue.Interval((long)ticks);
        }

        private static FormulaValue Timestamp(BoundBinary binary, decimal ticks)
        {
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                throw Failure(binary.Position, "the timestamp of '+' is outside the years 0001 to 9999");
            }
            return FormulaValue.Timestamp((long)ticks);
        }

        private static FormulaValue Interval(BoundBinary binary, double ticks)
        {
            if (double.IsNaN(ticks) || ticks >= TimeSpan.MaxValue.Ticks || ticks <= TimeSpan.MinValue.Ticks)
            {
                throw Failure(binary.Position, "the time interval of '" + Symbol(binary.Operator) + "' is out of range (" + ResultFormatter.FormatNumber(ticks / 1e7) + " seconds)");
            }
            return FormulaValue.Interval((long)ticks);
        }

        private static string Symbol(BinaryOperator op)
        {
            switch (op)
            {
                case BinaryOperator.Add: return "+";
                case BinaryOperator.Subtract: return "-";
                case BinaryOperator.Multiply: return "*";
                default: return "/";
            }
        }
    }
}
