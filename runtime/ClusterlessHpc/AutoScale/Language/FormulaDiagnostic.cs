using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.AutoScale.Language
{
    /// <summary>
    /// One problem in a formula: the catalogue rule, its formatted message, and where it is in the formula text
    /// (<see cref="Start"/>/<see cref="Length"/> offsets, and the 1-based <see cref="Line"/>/<see cref="Column"/> of the start).
    /// </summary>
    public sealed class FormulaDiagnostic
    {
        internal FormulaDiagnostic(PoolRule rule, int start, int length, int line, int column, object[] messageArgs)
        {
            Rule = rule;
            Start = start;
            Length = length;
            Line = line;
            Column = column;
            MessageArgs = messageArgs;
            Message = rule.Format(messageArgs);
        }

        public PoolRule Rule { get; }

        public string Message { get; }

        /// <summary>Offset of the first offending character in the formula text.</summary>
        public int Start { get; }

        /// <summary>Number of offending characters (0 only at the end of the formula).</summary>
        public int Length { get; }

        /// <summary>1-based line of <see cref="Start"/>; lines end at \n, \r\n or \r.</summary>
        public int Line { get; }

        /// <summary>1-based column of <see cref="Start"/>, counted in UTF-16 characters.</summary>
        public int Column { get; }

        public bool IsError => Rule.Severity == RuleSeverity.Error;

        /// <summary>The arguments of the rule's message format, for a Roslyn descriptor built from the same rule.</summary>
        public object[] MessageArgs { get; }

        public override string ToString() =>
            $"({Line},{Column}): {Rule.Severity.ToString().ToLowerInvariant()} {Rule.Id}: {Message}";
    }
}
