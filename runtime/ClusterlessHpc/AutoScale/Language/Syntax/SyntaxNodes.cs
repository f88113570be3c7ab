using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale.Language.Syntax
{
    /// <summary>A piece of formula syntax and the span of text it covers.</summary>
    internal abstract class SyntaxNode
    {
        protected SyntaxNode(int start, int end)
        {
            Start = start;
            Length = end - start;
        }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;
    }

    /// <summary>A parsed formula: its statements in order.</summary>
    internal sealed class FormulaSyntax : SyntaxNode
    {
        public FormulaSyntax(IReadOnlyList<StatementSyntax> statements, int length)
            : base(0, length) => Statements = statements;

        public IReadOnlyList<StatementSyntax> Statements { get; }
    }

    internal abstract class StatementSyntax : SyntaxNode
    {
        protected StatementSyntax(int start, int end) : base(start, end)
        {
        }

        /// <summary>True when a syntax error was reported in this statement; the binder then only notes what it assigns.</summary>
        public bool HasSyntaxErrors { get; internal set; }
    }

    /// <summary><c>name = value</c>.</summary>
    internal sealed class AssignmentStatementSyntax : StatementSyntax
    {
        public AssignmentStatementSyntax(Token name, string nameText, ExpressionSyntax value)
            : base(name.Start, value.End)
        {
            Name = name;
            NameText = nameText;
            Value = value;
        }

        public Token Name { get; }

        public string NameText { get; }

        public ExpressionSyntax Value { get; }
    }

    /// <summary>A bare expression: evaluated for its errors (and <c>stop()</c>), its value dropped.</summary>
    internal sealed class ExpressionStatementSyntax : StatementSyntax
    {
        public ExpressionStatementSyntax(ExpressionSyntax expression)
            : base(expression.Start, expression.End) => Expression = expression;

        public ExpressionSyntax Expression { get; }
    }

    internal abstract class ExpressionSyntax : SyntaxNode
    {
        protected ExpressionSyntax(int start, int end, int height) : base(start, end) => Height = height;

        /// <summary>Nodes on the longest path down from here, which bounds every recursive walk of the tree.</summary>
        public int Height { get; }
    }

    /// <summary>Where an expression could not be parsed; the error is already reported.</summary>
    internal sealed class ErrorExpressionSyntax : ExpressionSyntax
    {
        public ErrorExpressionSyntax(int start, int end) : base(start, end, 1)
        {
        }
    }

    internal sealed class NumberLiteralSyntax : ExpressionSyntax
    {
        public NumberLiteralSyntax(Token token, double value) : base(token.Start, token.End, 1) => Value = value;

        public double Value { get; }
    }

    /// <summary>A double-quoted string; <see cref="Value"/> is the text between the quotes (no escapes exist).</summary>
    internal sealed class StringLiteralSyntax : ExpressionSyntax
    {
        public StringLiteralSyntax(Token token, string value) : base(token.Start, token.End, 1) => Value = value;

        public string Value { get; }
    }

    /// <summary>A variable, constant or bare keyword such as <c>$CPUPercent</c>, <c>TimeInterval_Minute</c> or <c>requeue</c>.</summary>
    internal sealed class NameSyntax : ExpressionSyntax
    {
        public NameSyntax(Token token, string name) : base(token.Start, token.End, 1) => Name = name;

        public string Name { get; }
    }

    internal sealed class ParenthesizedSyntax : ExpressionSyntax
    {
        public ParenthesizedSyntax(int start, ExpressionSyntax inner, int end)
            : base(start, end, inner.Height + 1) => Inner = inner;

        public ExpressionSyntax Inner { get; }
    }

    internal sealed class UnarySyntax : ExpressionSyntax
    {
        public UnarySyntax(Token op, ExpressionSyntax operand)
            : base(op.Start, operand.End, operand.Height + 1)
        {
            Operator = op.Kind;
            OperatorStart = op.Start;
            Operand = operand;
        }

        public TokenKind Operator { get; }

        public int OperatorStart { get; }

        public ExpressionSyntax Operand { get; }
    }

    internal sealed class BinarySyntax : ExpressionSyntax
    {
        public BinarySyntax(ExpressionSyntax left, Token op, ExpressionSyntax right)
            : base(left.Start, right.End, System.Math.Max(left.Height, right.Height) + 1)
        {
            Left = left;
            Operator = op.Kind;
            OperatorStart = op.Start;
            OperatorLength = op.Length;
            Right = right;
        }

        public ExpressionSyntax Left { get; }

        public TokenKind Operator { get; }

        public int OperatorStart { get; }

        public int OperatorLength { get; }

        public ExpressionSyntax Right { get; }
    }

    /// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
    internal sealed class ConditionalSyntax : ExpressionSyntax
    {
        public ConditionalSyntax(ExpressionSyntax condition, ExpressionSyntax whenTrue, ExpressionSyntax whenFalse)
            : base(condition.Start, whenFalse.End, System.Math.Max(condition.Height, System.Math.Max(whenTrue.Height, whenFalse.Height)) + 1)
        {
            Condition = condition;
            WhenTrue = whenTrue;
            WhenFalse = whenFalse;
        }

        public ExpressionSyntax Condition { get; }

        public ExpressionSyntax WhenTrue { get; }

        public ExpressionSyntax WhenFalse { get; }
    }

    /// <summary>A function call <c>name(args)</c>.</summary>
    internal sealed class CallSyntax : ExpressionSyntax
    {
        public CallSyntax(Token name, string nameText, int openParen, IReadOnlyList<ExpressionSyntax> arguments, int end, int height)
            : base(name.Start, end, height)
        {
            Name = name;
            NameText = nameText;
            OpenParen = openParen;
            Arguments = arguments;
        }

        public Token Name { get; }

        public string NameText { get; }

        /// <summary>Offset of '(' (the service reports call errors there).</summary>
        public int OpenParen { get; }

        public IReadOnlyList<ExpressionSyntax> Arguments { get; }
    }

    /// <summary>A method call on a value, <c>$CPUPercent.GetSample(args)</c>.</summary>
    internal sealed class MethodCallSyntax : ExpressionSyntax
    {
        public MethodCallSyntax(ExpressionSyntax receiver, Token name, string nameText, int openParen, IReadOnlyList<ExpressionSyntax> arguments, int end, int height)
            : base(receiver.Start, end, height)
        {
            Receiver = receiver;
            Name = name;
            NameText = nameText;
            OpenParen = openParen;
            Arguments = arguments;
        }

        public ExpressionSyntax Receiver { get; }

        public Token Name { get; }

        public string NameText { get; }

        public int OpenParen { get; }

        public IReadOnlyList<ExpressionSyntax> Arguments { get; }
    }

    /// <summary>A member of a value, <c>$curTime.hour</c>.</summary>
    internal sealed class MemberAccessSyntax : ExpressionSyntax
    {
        public MemberAccessSyntax(ExpressionSyntax receiver, Token name, string nameText)
            : base(receiver.Start, name.End, receiver.Height + 1)
        {
            Receiver = receiver;
            Name = name;
            NameText = nameText;
        }

        public ExpressionSyntax Receiver { get; }

        public Token Name { get; }

        public string NameText { get; }
    }
}
