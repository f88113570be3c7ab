using System.Collections.Generic;
using ClusterlessHpc.AutoScale.Language.BuiltIns;
using ClusterlessHpc.AutoScale.Language.Syntax;

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
                _diagnostics.UnknownFunction(syntax);
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
                        if (!Expect(syntax.NameText, syntax.Arguments, arguments, 0, ExpectedArgument.String)) return new BoundError(syntax.Start);
                        if (syntax.Arguments[0] is StringLiteralSyntax literal && literal.Value.Length > 0 &&
                            !FormulaTime.TryParse(literal.Value, out _, out var problem))
                        {
                            _diagnostics.BadTimeString(literal, problem!);
                            return new BoundError(syntax.Start);
                        }
                    }
                    return new BoundFunctionCall(function, arguments, FormulaType.Timestamp, syntax.OpenParen);
                case FunctionKind.Percentile:
                case FunctionKind.Val:
                    if (!Expect(syntax.NameText, syntax.Arguments, arguments, 0, ExpectedArgument.DoubleVec) ||
                        !Expect(syntax.NameText, syntax.Arguments, arguments, 1, ExpectedArgument.Double)) return new BoundError(syntax.Start);
                    return new BoundFunctionCall(function, arguments, FormulaType.Double, syntax.OpenParen);
            }

            // A doubleVecList: any mix of doubles and doubleVecs.
            for (var i = 0; i < arguments.Length; i++)
            {
                var type = arguments[i].Type;
                if (type != FormulaType.Double && type != FormulaType.DoubleVec)
                {
                    _diagnostics.ArgumentType(syntax.Arguments[i], i, syntax.NameText, ExpectedArgument.DoubleOrDoubleVec, type);
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
                _diagnostics.UnknownMethod(syntax);
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
                        if (!ExpectTime(syntax, i, arguments, i == 0 ? ExpectedArgument.StartTime : ExpectedArgument.EndTime)) return new BoundError(syntax.Start);
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
                _diagnostics.ArgumentType(syntax.Arguments[0], 0, syntax.NameText, ExpectedArgument.SampleCountOrStartTime, type);
                return false;
            }
            if (!ExpectTime(syntax, 0, arguments, ExpectedArgument.StartTime)) return false;
            if (arguments.Length == 2)
            {
                var type = arguments[1].Type;
                if (type == FormulaType.Double || IsTime(type)) return true;
                _diagnostics.ArgumentType(syntax.Arguments[1], 1, syntax.NameText, ExpectedArgument.EndTimeOrSamplePercent, type);
                return false;
            }
            return ExpectTime(syntax, 1, arguments, ExpectedArgument.EndTime) && Expect(syntax.NameText, syntax.Arguments, arguments, 2, ExpectedArgument.SamplePercent);
        }

        /// <summary>The variable a sample method is called on, or null (reported) when it has no samples.</summary>
        private SystemVariable? SampledVariable(MethodCallSyntax syntax)
        {
            var method = syntax.NameText;
            if (syntax.Receiver is NameSyntax name)
            {
                var system = SystemVariables.Find(name.Name);
                if (system is not null && system.HasSamples) return system;
                NoSamplesReason why;
                if (system is not null)
                {
                    why = system.Kind == SystemVariableKind.PoolSetting ? NoSamplesReason.PoolSetting : NoSamplesReason.WrittenByFormula;
                }
                else if (TimeIntervals.All.ContainsKey(name.Name) || DeallocationOptions.IsKeyword(name.Name))
                {
                    why = NoSamplesReason.Constant;
                }
                else if (_firstAssignment.ContainsKey(name.Name))
                {
                    why = NoSamplesReason.UserVariable;
                }
                else
                {
                    _diagnostics.UnknownVariable(name.Start, name.Length, name.Name, KnownNames());
                    return null;
                }
                _diagnostics.NoSamples(name, method, why);
                return null;
            }
            var receiver = BindExpression(syntax.Receiver);
            if (receiver.Type != FormulaType.Error && !IsNoValue(receiver, syntax.Receiver, NoValueUse.Receiver, method))
            {
                _diagnostics.NoSamplesOnExpression(syntax.Receiver, method, receiver.Type);
            }
            return null;
        }

        private BoundExpression BindMember(MemberAccessSyntax syntax)
        {
            var receiver = BindExpression(syntax.Receiver);
            if (!TimestampMembers.All.TryGetValue(syntax.NameText, out var member))
            {
                _diagnostics.UnknownMember(syntax);
                return new BoundError(syntax.Start);
            }
            if (receiver.Type == FormulaType.Error) return receiver;
            if (IsNoValue(receiver, syntax.Receiver, NoValueUse.Receiver, syntax.NameText)) return new BoundError(syntax.Start);
            if (receiver.Type != FormulaType.Timestamp)
            {
                _diagnostics.MemberReceiverType(syntax, receiver.Type);
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
                else if (IsNoValue(bound[i], syntax[i], NoValueUse.Argument))
                {
                    failed = true;
                }
            }
            return bound;
        }

        private bool CheckCount(ExpressionSyntax call, string name, int given, int min, int max)
        {
            if (given >= min && given <= max) return true;
            _diagnostics.ArgumentCount(call, name, given, min, max);
            return false;
        }

        private bool Expect(string callName, IReadOnlyList<ExpressionSyntax> argumentSyntax, BoundExpression[] arguments, int index, ExpectedArgument expected)
        {
            var actual = arguments[index].Type;
            if (actual == TypeOf(expected)) return true;
            _diagnostics.ArgumentType(argumentSyntax[index], index, callName, expected, actual);
            return false;
        }

        private static FormulaType TypeOf(ExpectedArgument expected)
        {
            switch (expected)
            {
                case ExpectedArgument.DoubleVec: return FormulaType.DoubleVec;
                case ExpectedArgument.String: return FormulaType.String;
                default: return FormulaType.Double;
            }
        }

        private bool ExpectTime(MethodCallSyntax call, int index, BoundExpression[] arguments, ExpectedArgument role)
        {
            var actual = arguments[index].Type;
            if (IsTime(actual)) return true;
            _diagnostics.ArgumentType(call.Arguments[index], index, call.NameText, role, actual);
            return false;
        }

        private static bool IsTime(FormulaType type) => type == FormulaType.Timestamp || type == FormulaType.TimeInterval;
    }
}
