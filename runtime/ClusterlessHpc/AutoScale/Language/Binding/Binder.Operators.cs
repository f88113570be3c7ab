using ClusterlessHpc.AutoScale.Language.Syntax;

namespace ClusterlessHpc.AutoScale.Language.Binding
{
    /// <summary>Expressions and the operator table (docs/autoscale.md, "Types and operators").</summary>
    internal sealed partial class Binder
    {
        private BoundExpression BindExpression(ExpressionSyntax syntax)
        {
            switch (syntax)
            {
                case NumberLiteralSyntax number: return new BoundNumber(number.Value, number.Start);
                case StringLiteralSyntax text: return new BoundString(text.Value, text.Start);
                case NameSyntax name: return BindName(name);
                case ParenthesizedSyntax parenthesized: return BindExpression(parenthesized.Inner);
                case UnarySyntax unary: return BindUnary(unary);
                case BinarySyntax binary: return BindBinary(binary);
                case ConditionalSyntax conditional: return BindConditional(conditional);
                case CallSyntax call: return BindCall(call);
                case MethodCallSyntax method: return BindMethodCall(method);
                case MemberAccessSyntax member: return BindMember(member);
                default: return new BoundError(syntax.Start);
            }
        }

        private BoundExpression BindUnary(UnarySyntax syntax)
        {
            var operand = BindExpression(syntax.Operand);
            if (operand.Type == FormulaType.Error) return operand;
            var negate = syntax.Operator == TokenKind.Minus;
            if (IsNoValue(operand, syntax.Operand, NoValueUse.Operand, negate ? "-" : "!")) return new BoundError(syntax.Start);
            var ok = operand.Type == FormulaType.Double || (negate && operand.Type == FormulaType.TimeInterval);
            if (!ok)
            {
                _diagnostics.OperatorType(syntax, operand.Type);
                return new BoundError(syntax.Start);
            }
            return new BoundUnary(negate ? UnaryOperator.Negate : UnaryOperator.Not, operand, operand.Type, syntax.OperatorStart);
        }

        private BoundExpression BindBinary(BinarySyntax syntax)
        {
            var left = BindExpression(syntax.Left);
            var right = BindExpression(syntax.Right);
            if (left.Type == FormulaType.Error || right.Type == FormulaType.Error) return new BoundError(syntax.Start);
            var symbol = _text.Substring(syntax.OperatorStart, syntax.OperatorLength);
            var leftNone = IsNoValue(left, syntax.Left, NoValueUse.Operand, symbol);
            if (IsNoValue(right, syntax.Right, NoValueUse.Operand, symbol) || leftNone) return new BoundError(syntax.Start);
            var op = Operator(syntax.Operator);
            var type = ResultType(op, left.Type, right.Type);
            if (type == FormulaType.Error)
            {
                _diagnostics.OperatorTypes(syntax, op, left.Type, right.Type);
                return new BoundError(syntax.Start);
            }
            return new BoundBinary(op, left, right, type, syntax.OperatorStart);
        }

        private BoundExpression BindConditional(ConditionalSyntax syntax)
        {
            var condition = BindExpression(syntax.Condition);
            var whenTrue = BindExpression(syntax.WhenTrue);
            var whenFalse = BindExpression(syntax.WhenFalse);
            if (condition.Type == FormulaType.Error || whenTrue.Type == FormulaType.Error || whenFalse.Type == FormulaType.Error)
            {
                return new BoundError(syntax.Start);
            }
            if (IsNoValue(condition, syntax.Condition, NoValueUse.Condition)) return new BoundError(syntax.Start);
            if (condition.Type != FormulaType.Double)
            {
                _diagnostics.ConditionType(syntax.Condition, condition.Type);
                return new BoundError(syntax.Start);
            }
            var trueNone = IsNoValue(whenTrue, syntax.WhenTrue, NoValueUse.Branch);
            if (IsNoValue(whenFalse, syntax.WhenFalse, NoValueUse.Branch) || trueNone) return new BoundError(syntax.Start);
            if (whenTrue.Type != whenFalse.Type)
            {
                _diagnostics.BranchTypes(syntax, whenTrue.Type, whenFalse.Type);
                return new BoundError(syntax.Start);
            }
            return new BoundConditional(condition, whenTrue, whenFalse, syntax.Condition.End);
        }

        private static BinaryOperator Operator(TokenKind kind)
        {
            switch (kind)
            {
                case TokenKind.Plus: return BinaryOperator.Add;
                case TokenKind.Minus: return BinaryOperator.Subtract;
                case TokenKind.Star: return BinaryOperator.Multiply;
                case TokenKind.Slash: return BinaryOperator.Divide;
                case TokenKind.Less: return BinaryOperator.Less;
                case TokenKind.LessEqual: return BinaryOperator.LessOrEqual;
                case TokenKind.Greater: return BinaryOperator.Greater;
                case TokenKind.GreaterEqual: return BinaryOperator.GreaterOrEqual;
                case TokenKind.EqualEqual: return BinaryOperator.Equal;
                case TokenKind.BangEqual: return BinaryOperator.NotEqual;
                case TokenKind.AmpersandAmpersand: return BinaryOperator.And;
                default: return BinaryOperator.Or;
            }
        }

        /// <summary>The documented operator table, and nothing more; <see cref="FormulaType.Error"/> where it has no row.</summary>
        internal static FormulaType ResultType(BinaryOperator op, FormulaType left, FormulaType right)
        {
            const FormulaType D = FormulaType.Double, V = FormulaType.DoubleVec, S = FormulaType.String;
            const FormulaType Ts = FormulaType.Timestamp, Ti = FormulaType.TimeInterval, None = FormulaType.Error;
            switch (op)
            {
                case BinaryOperator.Add:
                    if (left == D && right == D) return D;
                    if (left == V && (right == D || right == V)) return V;
                    if (left == Ti && right == Ti) return Ti;
                    if ((left == Ti && right == Ts) || (left == Ts && right == Ti)) return Ts;
                    return None;
                case BinaryOperator.Subtract:
                    if (left == D && right == D) return D;
                    if (left == V && (right == D || right == V)) return V;
                    if (left == Ti && right == Ti) return Ti;
                    if (left == Ts && right == Ts) return Ti;
                    return None;
                case BinaryOperator.Multiply:
                    if (left == D && right == D) return D;
                    if (left == V && (right == D || right == V)) return V;
                    if ((left == D && right == Ti) || (left == Ti && right == D)) return Ti;
                    return None;
                case BinaryOperator.Divide:
                    if (left == D && right == D) return D;
                    if (left == V && (right == D || right == V)) return V;
                    if (left == Ti && right == D) return Ti;
                    return None;
                case BinaryOperator.And:
                case BinaryOperator.Or:
                    return left == D && right == D ? D : None;
                default:
                    return left == right && (left == D || left == S || left == Ts || left == Ti) ? D : None;
            }
        }
    }
}
