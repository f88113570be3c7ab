using System;
using ClusterlessHpc.AutoScale.Language;
using ClusterlessHpc.AutoScale.Language.Binding;
using ClusterlessHpc.AutoScale.Language.BuiltIns;

namespace ClusterlessHpc.AutoScale.Evaluation
{
    /// <summary>The built-in functions. A doubleVecList argument list is read as one flat vector, in order.</summary>
    internal sealed partial class Evaluator
    {
        private FormulaValue EvaluateCall(BoundFunctionCall call)
        {
            var arguments = new FormulaValue[call.Arguments.Length];
            for (var i = 0; i < arguments.Length; i++) arguments[i] = Evaluate(call.Arguments[i]);
            switch (call.Function)
            {
                case FunctionKind.Rand:
                    _random ??= _context.Random ?? new Random();
                    return FormulaValue.Double(_random.NextDouble());
                case FunctionKind.Stop:
                    return FormulaValue.None;
                case FunctionKind.Time:
                    return FormulaValue.Timestamp(ParseTime(call, arguments));
                case FunctionKind.Val:
                    return FormulaValue.Double(Val(call, arguments[0].Vector, arguments[1].Number));
                case FunctionKind.Percentile:
                    return FormulaValue.Double(Percentile(call, arguments[0].Vector, arguments[1].Number));
                case FunctionKind.Len:
                    return FormulaValue.Double(Length(arguments));
                case FunctionKind.Sum:
                    return FormulaValue.Double(Sum(arguments));
                case FunctionKind.Norm:
                    return FormulaValue.Double(Math.Sqrt(SumOfSquares(arguments, 0)));
            }
            if (Functions.IsComponentWise(call.Function))
            {
                if (call.Type == FormulaType.Double) return FormulaValue.Double(ComponentWise(call.Function, arguments[0].Number));
                var values = Flatten(arguments);
                for (var i = 0; i < values.Length; i++) values[i] = ComponentWise(call.Function, values[i]);
                return FormulaValue.Vec(values);
            }

            var count = Length(arguments);
            if (count == 0)
            {
                var name = Name(call.Function);
                throw Failure(call.Position, name + "() of an empty list: there are no values to take the " + name + " of");
            }
            switch (call.Function)
            {
                case FunctionKind.Avg: return FormulaValue.Double(Sum(arguments) / count);
                case FunctionKind.Max: return FormulaValue.Double(Extreme(arguments, true));
                case FunctionKind.Min: return FormulaValue.Double(Extreme(arguments, false));
                case FunctionKind.Range: return FormulaValue.Double(Extreme(arguments, true) - Extreme(arguments, false));
                default:
                    // The sample standard deviation (n - 1); one value has no spread.
                    if (count == 1) return FormulaValue.Double(0);
                    var mean = Sum(arguments) / count;
                    return FormulaValue.Double(Math.Sqrt(SumOfSquares(arguments, mean) / (count - 1)));
            }
        }

        private long ParseTime(BoundFunctionCall call, FormulaValue[] arguments)
        {
            if (arguments.Length == 0 || arguments[0].Text.Length == 0) return _now;
            if (FormulaTime.TryParse(arguments[0].Text, out var ticks, out var problem)) return ticks;
            throw Failure(call.Position, "time(\"" + arguments[0].Text + "\") cannot be parsed: " + problem);
        }

        private static double Val(BoundFunctionCall call, ReadOnlySpan<double> vector, double index)
        {
            if (double.IsNaN(index) || index < 0 || index >= vector.Length)
            {
                throw Failure(call.Position, "val() index " + ResultFormatter.FormatNumber(index) + " is outside the vector of " + vector.Length + " elements");
            }
            return vector[(int)index];
        }

        // Nearest rank on a 0-100 scale: the smallest element with at least p percent of the elements at or below it.
        private static double Percentile(BoundFunctionCall call, ReadOnlySpan<double> vector, double percent)
        {
            if (double.IsNaN(percent) || percent < 0 || percent > 100)
            {
                throw Failure(call.Position, "percentile() takes a percentage from 0 to 100, not " + ResultFormatter.FormatNumber(percent));
            }
            if (vector.Length == 0) throw Failure(call.Position, "percentile() of an empty vector");
            var sorted = vector.ToArray();
            Array.Sort(sorted);
            var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
            return sorted[Math.Max(rank, 1) - 1];
        }

        private static double ComponentWise(FunctionKind function, double value)
        {
            switch (function)
            {
                case FunctionKind.Lg: return Math.Log(value, 2);
                case FunctionKind.Ln: return Math.Log(value);
                case FunctionKind.Log: return Math.Log10(value);
                case FunctionKind.Ceil: return Math.Ceiling(value);
                case FunctionKind.Floor: return Math.Floor(value);
                default: return Math.Round(value, MidpointRounding.AwayFromZero);
            }
        }

        private static int Length(FormulaValue[] arguments)
        {
            var count = 0;
            foreach (var argument in arguments) count += argument.Type == FormulaType.DoubleVec ? argument.Vector.Length : 1;
            return count;
        }

        private static double Sum(FormulaValue[] arguments)
        {
            var sum = 0.0;
            foreach (var argument in arguments)
            {
                if (argument.Type != FormulaType.DoubleVec)
                {
                    sum += argument.Number;
                    continue;
                }
                foreach (var value in argument.Vector) sum += value;
            }
            return sum;
        }

        private static double SumOfSquares(FormulaValue[] arguments, double mean)
        {
            var sum = 0.0;
            foreach (var argument in arguments)
            {
                if (argument.Type != FormulaType.DoubleVec)
                {
                    sum += (argument.Number - mean) * (argument.Number - mean);
                    continue;
                }
                foreach (var value in argument.Vector) sum += (value - mean) * (value - mean);
            }
            return sum;
        }

        private static double Extreme(FormulaValue[] arguments, bool maximum)
        {
            var result = maximum ? double.NegativeInfinity : double.PositiveInfinity;
            foreach (var argument in arguments)
            {
                if (argument.Type != FormulaType.DoubleVec)
                {
                    result = maximum ? Math.Max(result, argument.Number) : Math.Min(result, argument.Number);
                    continue;
                }
                foreach (var value in argument.Vector) result = maximum ? Math.Max(result, value) : Math.Min(result, value);
            }
            return result;
        }

        private static double[] Flatten(FormulaValue[] arguments)
        {
            var values = new double[Length(arguments)];
            var at = 0;
            foreach (var argument in arguments)
            {
                if (argument.Type != FormulaType.DoubleVec)
                {
                    values[at++] = argument.Number;
                    continue;
                }
                argument.Vector.CopyTo(values.AsSpan(at));
                at += argument.Vector.Length;
            }
            return values;
        }

        private static string Name(FunctionKind function)
        {
            foreach (var entry in Functions.All)
            {
                if (entry.Value == function) return entry.Key;
            }
            return function.ToString();
        }
    }
}
