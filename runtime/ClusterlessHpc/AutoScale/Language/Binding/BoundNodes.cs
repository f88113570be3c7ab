using System.Collections.Generic;
using ClusterlessHpc.AutoScale.Language.BuiltIns;

namespace ClusterlessHpc.AutoScale.Language.Binding
{
    /// <summary>What the binder makes of an expression: every name resolved, every type known.</summary>
    internal abstract class BoundExpression
    {
        protected BoundExpression(FormulaType type, int position)
        {
            Type = type;
            Position = position;
        }

        public FormulaType Type { get; }

        /// <summary>Where evaluation errors of this node are reported (for calls: their '(' as the service does).</summary>
        public int Position { get; }
    }

    internal sealed class BoundError : BoundExpression
    {
        public BoundError(int position) : base(FormulaType.Error, position)
        {
        }
    }

    internal sealed class BoundNumber : BoundExpression
    {
        public BoundNumber(double value, int position) : base(FormulaType.Double, position) => Value = value;

        public double Value { get; }
    }

    internal sealed class BoundString : BoundExpression
    {
        public BoundString(string value, int position) : base(FormulaType.String, position) => Value = value;

        public string Value { get; }
    }

    /// <summary>A <c>TimeInterval_*</c> constant.</summary>
    internal sealed class BoundInterval : BoundExpression
    {
        public BoundInterval(long ticks, int position) : base(FormulaType.TimeInterval, position) => Ticks = ticks;

        public long Ticks { get; }
    }

    /// <summary>A user variable, read from its slot.</summary>
    internal sealed class BoundVariable : BoundExpression
    {
        public BoundVariable(int slot, string name, FormulaType type, int position) : base(type, position)
        {
            Slot = slot;
            Name = name;
        }

        public int Slot { get; }

        public string Name { get; }
    }

    /// <summary>A read of a service-defined variable as a double.</summary>
    internal sealed class BoundSystemRead : BoundExpression
    {
        public BoundSystemRead(SystemVariable variable, int position) : base(FormulaType.Double, position) => Variable = variable;

        public SystemVariable Variable { get; }
    }

    internal enum UnaryOperator
    {
        Negate,
        Not,
    }

    internal sealed class BoundUnary : BoundExpression
    {
        public BoundUnary(UnaryOperator op, BoundExpression operand, FormulaType type, int position) : base(type, position)
        {
            Operator = op;
            Operand = operand;
        }

        public UnaryOperator Operator { get; }

        public BoundExpression Operand { get; }
    }

    internal enum BinaryOperator
    {
        Add,
        Subtract,
        Multiply,
        Divide,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Equal,
        NotEqual,
        And,
        Or,
    }

    internal sealed class BoundBinary : BoundExpression
    {
        public BoundBinary(BinaryOperator op, BoundExpression left, BoundExpression right, FormulaType type, int position) : base(type, position)
        {
            Operator = op;
            Left = left;
            Right = right;
        }

        public BinaryOperator Operator { get; }

        public BoundExpression Left { get; }

        public BoundExpression Right { get; }
    }

    /// <summary><c>c ? a : b</c>: only the chosen branch is evaluated.</summary>
    internal sealed class BoundConditional : BoundExpression
    {
        public BoundConditional(BoundExpression condition, BoundExpression whenTrue, BoundExpression whenFalse, int position)
            : base(whenTrue.Type, position)
        {
            Condition = condition;
            WhenTrue = whenTrue;
            WhenFalse = whenFalse;
        }

        public BoundExpression Condition { get; }

        public BoundExpression WhenTrue { get; }

        public BoundExpression WhenFalse { get; }
    }

    internal sealed class BoundFunctionCall : BoundExpression
    {
        public BoundFunctionCall(FunctionKind function, BoundExpression[] arguments, FormulaType type, int position) : base(type, position)
        {
            Function = function;
            Arguments = arguments;
        }

        public FunctionKind Function { get; }

        public BoundExpression[] Arguments { get; }
    }

    /// <summary>A sample method called on a variable that has samples.</summary>
    internal sealed class BoundSampleCall : BoundExpression
    {
        public BoundSampleCall(SampleMethodKind method, SystemVariable variable, BoundExpression[] arguments, FormulaType type, int position)
            : base(type, position)
        {
            Method = method;
            Variable = variable;
            Arguments = arguments;
        }

        public SampleMethodKind Method { get; }

        public SystemVariable Variable { get; }

        public BoundExpression[] Arguments { get; }
    }

    internal sealed class BoundMember : BoundExpression
    {
        public BoundMember(TimestampMember member, BoundExpression receiver, int position) : base(FormulaType.Double, position)
        {
            Member = member;
            Receiver = receiver;
        }

        public TimestampMember Member { get; }

        public BoundExpression Receiver { get; }
    }

    internal enum AssignmentTarget
    {
        UserVariable,
        SystemTarget,
        DeallocationOption,
    }

    /// <summary>One statement; <see cref="Value"/> is null for a $NodeDeallocationOption keyword, held in <see cref="Keyword"/>.</summary>
    internal sealed class BoundStatement
    {
        public BoundStatement(AssignmentTarget? target, int slot, string? name, SystemVariable? system, BoundExpression? value, string? keyword, int position)
        {
            Target = target;
            Slot = slot;
            Name = name;
            System = system;
            Value = value;
            Keyword = keyword;
            Position = position;
        }

        /// <summary>Null for a bare expression statement.</summary>
        public AssignmentTarget? Target { get; }

        public int Slot { get; }

        public string? Name { get; }

        public SystemVariable? System { get; }

        public BoundExpression? Value { get; }

        public string? Keyword { get; }

        public int Position { get; }
    }

    /// <summary>A formula that passed every check: its statements and the user variables' names by slot.</summary>
    internal sealed class BoundFormula
    {
        public BoundFormula(IReadOnlyList<BoundStatement> statements, IReadOnlyList<string> variableNames)
        {
            Statements = statements;
            VariableNames = variableNames;
        }

        public IReadOnlyList<BoundStatement> Statements { get; }

        public IReadOnlyList<string> VariableNames { get; }
    }
}
