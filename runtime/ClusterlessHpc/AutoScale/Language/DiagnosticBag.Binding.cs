using System.Collections.Generic;
using System.Globalization;
using ClusterlessHpc.AutoScale.Language.Binding;
using ClusterlessHpc.AutoScale.Language.BuiltIns;
using ClusterlessHpc.AutoScale.Language.Syntax;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.AutoScale.Language
{
    /// <summary>The problems the binder finds: names that do not resolve, values of the wrong type, built-ins misused.</summary>
    internal sealed partial class DiagnosticBag
    {
        // Names.

        public void UnknownVariable(int start, int length, string name, IEnumerable<string> knownNames)
        {
            var hint = Functions.All.ContainsKey(name)
                ? "; '" + name + "' is a function, call it as " + name + "(...)"
                : DidYouMean(name, knownNames);
            Add(DiagnosticCatalogue.FormulaVariableMustExist, start, length, name, hint);
        }

        public void UnknownFunction(CallSyntax call)
        {
            var name = call.NameText;
            var hint = SampleMethods.All.ContainsKey(name)
                ? "; '" + name + "' is a sample method, call it on a variable, as in $ActiveTasks." + name + "(...)"
                : DidYouMean(name, Functions.All.Keys);
            Add(DiagnosticCatalogue.FormulaFunctionMustExist, call.Name.Start, call.Name.Length, name, hint);
        }

        public void UnknownMethod(MethodCallSyntax call) =>
            Add(DiagnosticCatalogue.FormulaMethodMustExist, call.Name.Start, call.Name.Length, call.NameText, Snippet(call.Receiver),
                DidYouMean(call.NameText, SampleMethods.All.Keys));

        public void UnknownMember(MemberAccessSyntax member)
        {
            var name = member.NameText;
            var hint = SampleMethods.All.ContainsKey(name)
                ? "; '" + name + "' is a sample method, call it with parentheses"
                : DidYouMean(name, TimestampMembers.All.Keys);
            Add(DiagnosticCatalogue.FormulaMemberMustExist, member.Name.Start, member.Name.Length, name, Snippet(member), hint);
        }

        public void ReadBeforeAssignment(NameSyntax read, int firstAssignment)
        {
            string where;
            if (firstAssignment < read.Start)
            {
                where = " (this statement is its first assignment, and its right-hand side is evaluated first)";
            }
            else
            {
                var (line, column) = Lines.Position(firstAssignment);
                where = " (its first assignment is at line " + line.ToString(CultureInfo.InvariantCulture) +
                    ", column " + column.ToString(CultureInfo.InvariantCulture) + ")";
            }
            Add(DiagnosticCatalogue.FormulaVariableMustBeAssignedBeforeUse, read.Start, read.Length, read.Name, where);
        }

        public void ReadOnlySystemVariable(Token name, SystemVariable variable) =>
            Add(DiagnosticCatalogue.FormulaReadOnlyMustNotBeAssigned, name.Start, name.Length, variable.Name,
                "it is a read-only system variable (" + variable.Description + ")");

        public void ReservedNameAssigned(Token name, string text, ReservedName reserved)
        {
            string why;
            switch (reserved)
            {
                case ReservedName.TimeInterval: why = "it is a built-in time interval constant"; break;
                case ReservedName.DeallocationKeyword: why = "it is a $NodeDeallocationOption keyword"; break;
                default: why = "it is the name of a built-in function"; break;
            }
            Add(DiagnosticCatalogue.FormulaReadOnlyMustNotBeAssigned, name.Start, name.Length, text, why);
        }

        public void NoTarget(StatementSyntax first) =>
            Add(DiagnosticCatalogue.FormulaShouldAssignTarget, first.Start, first.Length, "");

        /// <summary>No target is assigned, but <paramref name="written"/> is one in the wrong case.</summary>
        public void TargetInWrongCase(Token name, string written, string target) =>
            Add(DiagnosticCatalogue.FormulaShouldAssignTarget, name.Start, name.Length,
                "; '" + written + "' is a user variable because names are case-sensitive (did you mean '" + target + "'?)");

        // $NodeDeallocationOption.

        public void DeallocationValue(ExpressionSyntax value)
        {
            string hint;
            if (value is StringLiteralSyntax literal)
            {
                hint = DeallocationOptions.IsKeyword(literal.Value) ? " (write it without the quotes)" : DidYouMean(literal.Value, DeallocationOptions.All);
            }
            else
            {
                hint = DidYouMean(Snippet(value), DeallocationOptions.All);
            }
            Add(DiagnosticCatalogue.FormulaNodeDeallocationOptionMustBeValid, value.Start, value.Length, Snippet(value), hint);
        }

        /// <summary>$NodeDeallocationOption, or one of its keywords, read as a value.</summary>
        public void DeallocationNameRead(NameSyntax name) =>
            Add(DiagnosticCatalogue.FormulaDeallocationNameHasNoValue, name.Start, name.Length, name.Name);

        // Calls.

        public void ArgumentCount(ExpressionSyntax call, string name, int given, int min, int max)
        {
            string takes;
            if (max == int.MaxValue) takes = "at least " + Plural(min, "argument");
            else if (min == max) takes = min == 0 ? "no arguments" : Plural(min, "argument");
            else takes = min.ToString(CultureInfo.InvariantCulture) + " to " + Plural(max, "argument");
            var were = given == 1 ? "1 was" : given.ToString(CultureInfo.InvariantCulture) + " were";
            Add(DiagnosticCatalogue.FormulaArgumentCountMustMatch, call.Start, call.Length, name, takes, were, Snippet(call));
        }

        public void ArgumentType(ExpressionSyntax argument, int index, string callName, ExpectedArgument expected, FormulaType actual)
        {
            string must;
            switch (expected)
            {
                case ExpectedArgument.Double: must = "a double"; break;
                case ExpectedArgument.DoubleVec: must = "a doubleVec"; break;
                case ExpectedArgument.String: must = "a string"; break;
                case ExpectedArgument.DoubleOrDoubleVec: must = "a double or a doubleVec"; break;
                case ExpectedArgument.SampleCountOrStartTime: must = "a sample count (double) or a start time (timestamp or timeinterval)"; break;
                case ExpectedArgument.EndTimeOrSamplePercent: must = "an end time (timestamp or timeinterval) or a sample percentage (double)"; break;
                case ExpectedArgument.StartTime: must = "a start time (timestamp or timeinterval)"; break;
                case ExpectedArgument.EndTime: must = "an end time (timestamp or timeinterval)"; break;
                default: must = "a sample percentage (double)"; break;
            }
            Add(DiagnosticCatalogue.FormulaArgumentTypeMustMatch, argument.Start, argument.Length,
                (index + 1).ToString(CultureInfo.InvariantCulture), callName, must, Snippet(argument), Article(actual));
        }

        public void BadTimeString(StringLiteralSyntax literal, string problem) =>
            Add(DiagnosticCatalogue.FormulaTimeStringMustBeValid, literal.Start, literal.Length, Snippet(literal), problem);

        public void NoSamples(NameSyntax receiver, string method, NoSamplesReason reason)
        {
            string why;
            switch (reason)
            {
                case NoSamplesReason.PoolSetting: why = "it is a setting of the pool, not a sampled metric"; break;
                case NoSamplesReason.WrittenByFormula: why = "it is written by the formula, not a sampled metric"; break;
                case NoSamplesReason.Constant: why = "it is a constant"; break;
                default: why = "it is a user variable; only the read-only metric variables such as $ActiveTasks have samples"; break;
            }
            Add(DiagnosticCatalogue.FormulaSampleMethodNeedsSamples, receiver.Start, receiver.Length, receiver.Name, method, why);
        }

        public void NoSamplesOnExpression(ExpressionSyntax receiver, string method, FormulaType type) =>
            Add(DiagnosticCatalogue.FormulaSampleMethodNeedsSamples, receiver.Start, receiver.Length, Snippet(receiver), method,
                "sample methods are called on a metric variable such as $ActiveTasks, not on " + Article(type) + " expression");

        // Types.

        public void OperatorTypes(BinarySyntax binary, BinaryOperator op, FormulaType left, FormulaType right) =>
            Add(DiagnosticCatalogue.FormulaTypesMustMatch, binary.Start, binary.Length, Snippet(binary),
                _text.Substring(binary.OperatorStart, binary.OperatorLength), Article(left) + " and " + Article(right), OperatorHint(op, left, right));

        public void OperatorType(UnarySyntax unary, FormulaType operand)
        {
            var negate = unary.Operator == TokenKind.Minus;
            Add(DiagnosticCatalogue.FormulaTypesMustMatch, unary.Start, unary.Length, Snippet(unary), negate ? "-" : "!", Article(operand),
                negate ? "; it takes a double or a timeinterval" : "; it takes a double");
        }

        public void TargetType(AssignmentStatementSyntax assignment, FormulaType actual) =>
            Add(DiagnosticCatalogue.FormulaTargetMustBeDouble, assignment.Start, assignment.Length, assignment.NameText, Snippet(assignment.Value),
                Article(actual), actual == FormulaType.DoubleVec ? "; reduce it first, for example with max(...) or avg(...)" : "");

        public void ConditionType(ExpressionSyntax condition, FormulaType actual) =>
            Add(DiagnosticCatalogue.FormulaConditionMustBeDouble, condition.Start, condition.Length, Snippet(condition), Article(actual));

        public void BranchTypes(ConditionalSyntax conditional, FormulaType whenTrue, FormulaType whenFalse) =>
            Add(DiagnosticCatalogue.FormulaBranchesMustHaveSameType, conditional.Start, conditional.Length, Snippet(conditional),
                Article(whenTrue), Article(whenFalse));

        public void MemberReceiverType(MemberAccessSyntax member, FormulaType actual) =>
            Add(DiagnosticCatalogue.FormulaMemberNeedsTimestamp, member.Start, member.Length, member.NameText, Snippet(member.Receiver), Article(actual));

        /// <summary>stop() where a value is needed; <paramref name="name"/> is the operator, or the member or method of a receiver.</summary>
        public void NoValue(ExpressionSyntax value, NoValueUse use, string name = "")
        {
            string what;
            switch (use)
            {
                case NoValueUse.Assigned: what = "assigned"; break;
                case NoValueUse.Argument: what = "an argument"; break;
                case NoValueUse.Operand: what = "an operand of '" + name + "'"; break;
                case NoValueUse.Condition: what = "the condition of '?:'"; break;
                case NoValueUse.Branch: what = "a branch of '?:'"; break;
                default: what = "the receiver of '." + name + "'"; break;
            }
            Add(DiagnosticCatalogue.FormulaStopHasNoValue, value.Start, value.Length, Snippet(value), what);
        }

        private string Snippet(SyntaxNode node) => Snippet(node.Start, node.Length);

        private static string Article(FormulaType type) => type == FormulaType.None ? "no value" : "a " + type.Name();

        private static string DidYouMean(string name, IEnumerable<string> candidates) => Suggestions.Hint(name, candidates);

        private static string Plural(int count, string noun) =>
            count == 1 ? "1 " + noun : count.ToString(CultureInfo.InvariantCulture) + " " + noun + "s";

        /// <summary>The usual fix for an operator the table does not have.</summary>
        private static string OperatorHint(BinaryOperator op, FormulaType left, FormulaType right)
        {
            const FormulaType D = FormulaType.Double, V = FormulaType.DoubleVec, Ts = FormulaType.Timestamp, Ti = FormulaType.TimeInterval;
            var additive = op == BinaryOperator.Add || op == BinaryOperator.Subtract;
            if (op == BinaryOperator.Subtract && left == Ts && right == Ti) return "; add the negative interval instead, as in t + (-1 * TimeInterval_Hour)";
            if (additive && ((left == Ti && right == D) || (left == D && right == Ti))) return "; turn the number into an interval first, as in 5 * TimeInterval_Minute";
            if (left == D && right == V && (op == BinaryOperator.Add || op == BinaryOperator.Multiply))
            {
                return "; write the doubleVec first, as in v " + (op == BinaryOperator.Add ? "+" : "*") + " 2";
            }
            if (left == V || right == V) return "; reduce the doubleVec first, for example with avg(...) or max(...)";
            return "";
        }
    }
}
