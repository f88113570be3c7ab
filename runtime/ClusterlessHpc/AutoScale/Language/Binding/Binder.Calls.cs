using System.Collections.Generic;
using ClusterlessHpc.AutoScale.Language.BuiltIns;
using ClusterlessHpc.AutoScale.Language.Syntax;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.AutoScale.Language.Binding
{
    /// <summary>Function calls, sample methods and timestamp members.</summary>
    internal sealed partial class Binder
    {
        private BoundExpression BindCall(CallSyntax syntax)
        {
            var arguments = BindArguments(syntax.Arguments, out var argumentFailed);
            if (!Functions.All.TryGetValue(syntax.NameText, out var function))
            {
                var hint = SampleMethods.All.ContainsKey(syntax.NameText)
                    ? "; '" + syntax.NameText + "' is a sample method, call it on a variable, as in $ActiveTasks." + syntax.NameText + "(...)"
                    : Suggestions.Hint(syntax.NameText, Functions.All.Keys);
                Report(DiagnosticCatalogue.FormulaFunctionMustExist, syntax.Name.Start, syntax.Name.Length, syntax.NameText, hint);
                return new BoundError(syntax.Start);
            }
            var (min, max) = Arity(function);
            if (!CheckCount(syntax, syntax.NameText, syntax.Arguments.Count, min, max) || argumentFailed) return new BoundError(syntax.Start);

            switch (function)
            {
                case FunctionKind.Rand:
                    return new BoundFunctionCall(function, arguments, FormulaType.Double, syntax.OpenParen);
                case FunctionKind.Stop:
                    return new BoundFunctionCall(function, arguments, FormulaType.None, syntax.OpenParen);
                case FunctionKind.Time:
                    if (arguments.Length == 1)
                    {
                        if (!Expect(syntax, 0, arguments, FormulaType.String)) return new BoundError(syntax.Start);
                        if (syntax.Arguments[0] is StringLiteralSyntax literal && literal.Value.Length > 0 &&
                            !FormulaTime.TryParse(literal.Value, out _, out var problem))
                        {
                            Report(DiagnosticCatalogue.FormulaTimeStringMustBeValid, literal.Start, literal.Length, Snippet(literal), problem!);
                            return new BoundError(syntax.Start);
                        }
                    }
                    return new BoundFunctionCall(function, arguments, FormulaType.Timestamp, syntax.OpenParen);
                case FunctionKind.Percentile:
                case FunctionKind.Val:
                    if (!Expect(syntax, 0, arguments, FormulaType.DoubleVec) || !Expect(syntax, 1, arguments, FormulaType.Double)) return new BoundError(syntax.Start);
                    return new BoundFunctionCall(function, arguments, FormulaType.Double, syntax.OpenParen);
            }

            // A doubleVecList: any mix of doubles and doubleVecs.
            for (var i = 0; i < arguments.Length; i++)
            {
                var type = arguments[i].Type;
                if (type != FormulaType.Double && type != FormulaType.DoubleVec)
                {
                    TypeError(syntax.Arguments[i], "argument " + (i + 1) + " of '" + syntax.NameText + "' is " + Article(type) + ", but it takes doubles and doubleVecs");
                    return new BoundError(syntax.Start);
                }
            }
            var result = FormulaType.Double;
            if (Functions.IsComponentWise(function) && (arguments.Length > 1 || arguments[0].Type == FormulaType.DoubleVec))
            {
                result = FormulaType.DoubleVec;
            }
            return new BoundFunctionCall(function, arguments, result, syntax.OpenParen);
        }

        private static (int Min, int Max) Arity(FunctionKind function)
        {
            switch (function)
            {
                case FunctionKind.Rand:
                case FunctionKind.Stop: return (0, 0);
                case FunctionKind.Time: return (0, 1);
                case FunctionKind.Percentile:
                case FunctionKind.Val: return (2, 2);
                default: return (1, int.MaxValue);
            }
        }

        private BoundExpression BindMethodCall(MethodCallSyntax syntax)
        {
            if (!SampleMethods.All.TryGetValue(syntax.NameText, out var method))
            {
                var receiverText = Snippet(syntax.Receiver);
                Report(DiagnosticCatalogue.FormulaMethodMustExist, syntax.Name.Start, syntax.Name.Length, syntax.NameText, receiverText,
                    Suggestions.Hint(syntax.NameText, SampleMethods.All.Keys));
                BindArguments(syntax.Arguments, out _);
                return new BoundError(syntax.Start);
            }
            var variable = SampledVariable(syntax);
            var arguments = BindArguments(syntax.Arguments, out var argumentFailed);
            if (variable is null || argumentFailed) return new BoundError(syntax.Start);

            var count = arguments.Length;
            switch (method)
            {
                case SampleMethodKind.Count:
                    if (!CheckCount(syntax, syntax.NameText, count, 0, 0)) return new BoundError(syntax.Start);
                    return new BoundSampleCall(method, variable, arguments, FormulaType.Double, syntax.OpenParen);
                case SampleMethodKind.GetSamplePeriod:
                    if (!CheckCount(syntax, syntax.NameText, count, 0, 0)) return new BoundError(syntax.Start);
                    return new BoundSampleCall(method, variable, arguments, FormulaType.TimeInterval, syntax.OpenParen);
                case SampleMethodKind.HistoryBeginTime:
                    if (!CheckCount(syntax, syntax.NameText, count, 0, 0)) return new BoundError(syntax.Start);
                    return new BoundSampleCall(method, variable, arguments, FormulaType.Timestamp, syntax.OpenParen);
                case SampleMethodKind.GetSamplePercent:
                    if (!CheckCount(syntax, syntax.NameText, count, 1, 2)) return new BoundError(syntax.Start);
                    for (var i = 0; i < count; i++)
                    {
                        if (!ExpectTime(syntax, i, arguments, i == 0 ? "start time" : "end time")) return new BoundError(syntax.Start);
                    }
                    return new BoundSampleCall(method, variable, arguments, FormulaType.Double, syntax.OpenParen);
                default:
                    if (!CheckCount(syntax, syntax.NameText, count, 1, 3)) return new BoundError(syntax.Start);
                    if (!GetSampleArguments(syntax, arguments)) return new BoundError(syntax.Start);
                    return new BoundSampleCall(method, variable, arguments, FormulaType.DoubleVec, syntax.OpenParen);
            }
        }

        // GetSample(count) | GetSample(start[, percent]) | GetSample(start, end[, percent]).
        private bool GetSampleArguments(MethodCallSyntax syntax, BoundExpression[] arguments)
        {
            if (arguments.Length == 1)
            {
                var type = arguments[0].Type;
                if (type == FormulaType.Double || IsTime(type)) return true;
                TypeError(syntax.Arguments[0], "GetSample takes a sample count (double) or a start time (timestamp or timeinterval), not " + Article(type));
                return false;
            }
            if (!ExpectTime(syntax, 0, arguments, "start time")) return false;
            if (arguments.Length == 2)
            {
                var type = arguments[1].Type;
                if (type == FormulaType.Double || IsTime(type)) return true;
                TypeError(syntax.Arguments[1], "the second argument of GetSample is an end time (timestamp or timeinterval) or a sample percentage (double), not " + Article(type));
                return false;
            }
            return ExpectTime(syntax, 1, arguments, "end time") && Expect(syntax, 2, arguments, FormulaType.Double);
        }

        /// <summary>The variable a sample method is called on, or null (reported) when it has no samples.</summary>
        private SystemVariable? SampledVariable(MethodCallSyntax syntax)
        {
            var method = syntax.NameText;
            if (syntax.Receiver is NameSyntax name)
            {
                var system = SystemVariables.Find(name.Name);
                if (system is not null && system.HasSamples) return system;
                string why;
                if (system is not null)
                {
                    why = system.Kind == SystemVariableKind.PoolSetting
                        ? "it is a setting of the pool, not a sampled metric"
                        : "it is written by the formula, not a sampled metric";
                }
                else if (TimeIntervals.All.ContainsKey(name.Name) || DeallocationOptions.IsKeyword(name.Name))
                {
                    why = "it is a constant";
                }
                else if (_firstAssignment.ContainsKey(name.Name))
                {
                    why = "it is a user variable; only the read-only metric variables such as $ActiveTasks have samples";
                }
                else
                {
                    Report(DiagnosticCatalogue.FormulaVariableMustExist, name.Start, name.Length, name.Name,
                        Suggestions.Hint(name.Name, KnownNames()));
                    return null;
                }
                Report(DiagnosticCatalogue.FormulaSampleMethodNeedsSamples, name.Start, name.Length, name.Name, method, why);
                return null;
            }
            var receiver = BindExpression(syntax.Receiver);
            if (receiver.Type != FormulaType.Error)
            {
                Report(DiagnosticCatalogue.FormulaSampleMethodNeedsSamples, syntax.Receiver.Start, syntax.Receiver.Length, Snippet(syntax.Receiver), method,
                    "sample methods are called on a metric variable such as $ActiveTasks, not on " + Article(receiver.Type) + " expression");
            }
            return null;
        }

        private BoundExpression BindMember(MemberAccessSyntax syntax)
        {
            var receiver = BindExpression(syntax.Receiver);
            if (!TimestampMembers.All.TryGetValue(syntax.NameText, out var member))
            {
                var hint = SampleMethods.All.ContainsKey(syntax.NameText)
                    ? "; '" + syntax.NameText + "' is a sample method, call it with parentheses"
                    : Suggestions.Hint(syntax.NameText, TimestampMembers.All.Keys);
                Report(DiagnosticCatalogue.FormulaMemberMustExist, syntax.Name.Start, syntax.Name.Length, syntax.NameText, Snippet(syntax), hint);
                return new BoundError(syntax.Start);
            }
            if (receiver.Type == FormulaType.Error) return receiver;
            if (receiver.Type != FormulaType.Timestamp)
            {
                TypeError(syntax, "'." + syntax.NameText + "' needs a timestamp, but '" + Snippet(syntax.Receiver) + "' is " + Article(receiver.Type));
                return new BoundError(syntax.Start);
            }
            return new BoundMember(member, receiver, syntax.Name.Start);
        }

        private BoundExpression[] BindArguments(IReadOnlyList<ExpressionSyntax> syntax, out bool failed)
        {
            failed = false;
            if (syntax.Count == 0) return System.Array.Empty<BoundExpression>();
            var bound = new BoundExpression[syntax.Count];
            for (var i = 0; i < bound.Length; i++)
            {
                bound[i] = BindExpression(syntax[i]);
                if (bound[i].Type == FormulaType.Error)
                {
                    failed = true;
                }
                else if (bound[i].Type == FormulaType.None)
                {
                    TypeError(syntax[i], "stop() has no value to pass as an argument");
                    failed = true;
                }
            }
            return bound;
        }

        private bool CheckCount(ExpressionSyntax call, string name, int given, int min, int max)
        {
            if (given >= min && given <= max) return true;
            string takes;
            if (max == int.MaxValue) takes = "at least " + Plural(min, "argument");
            else if (min == max) takes = min == 0 ? "no arguments" : Plural(min, "argument");
            else takes = min + " to " + Plural(max, "argument");
            Report(DiagnosticCatalogue.FormulaArgumentCountMustMatch, call.Start, call.Length, name, takes,
                given == 1 ? "1 was" : given + " were", Snippet(call));
            return false;
        }

        private static string Plural(int count, string noun) => count == 1 ? "1 " + noun : count + " " + noun + "s";

        private bool Expect(SyntaxNode call, int index, BoundExpression[] arguments, FormulaType expected)
        {
            var actual = arguments[index].Type;
            if (actual == expected) return true;
            var name = call is CallSyntax c ? c.NameText : ((MethodCallSyntax)call).NameText;
            TypeError(ArgumentSyntax(call, index), "argument " + (index + 1) + " of '" + name + "' must be " + Article(expected) + ", not " + Article(actual));
            return false;
        }

        private bool ExpectTime(MethodCallSyntax call, int index, BoundExpression[] arguments, string role)
        {
            var actual = arguments[index].Type;
            if (IsTime(actual)) return true;
            TypeError(call.Arguments[index], "the " + role + " of " + call.NameText + " must be a timestamp or a timeinterval, not " + Article(actual));
            return false;
        }

        private static SyntaxNode ArgumentSyntax(SyntaxNode call, int index) =>
            call is CallSyntax c ? c.Arguments[index] : ((MethodCallSyntax)call).Arguments[index];

        private static bool IsTime(FormulaType type) => type == FormulaType.Timestamp || type == FormulaType.TimeInterval;
    }
}
