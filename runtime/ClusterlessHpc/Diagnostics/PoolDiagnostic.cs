namespace ClusterlessHpc.Diagnostics
{
    /// <summary>A broken rule in a definition: which rule, where (a <see cref="DefinitionTarget"/> path) and the message.</summary>
    public sealed class PoolDiagnostic
    {
        public PoolDiagnostic(PoolRule rule, string target, params object[] messageArgs)
        {
            Rule = rule;
            Target = target;
            MessageArgs = messageArgs;
            Message = rule.Format(messageArgs);
        }

        /// <summary>A diagnostic inside an autoscale formula: the rule's span in the formula text, and its line and column there.</summary>
        public static PoolDiagnostic InFormula(PoolRule rule, int start, int length, int line, int column, object[] messageArgs) =>
            new(rule, DefinitionTarget.AutoScaleFormula, messageArgs) { FormulaSpan = new FormulaSpan(start, length, line, column) };

        public PoolRule Rule { get; }

        /// <summary>Where in the autoscale formula, for diagnostics about the formula's text; null otherwise.</summary>
        public FormulaSpan? FormulaSpan { get; private set; }

        /// <summary>Where the value came from, for example <c>JuliaPackage[1].Name</c>; the analyzer maps it to the argument's span.</summary>
        public string Target { get; }

        public string Message { get; }

        internal object[] MessageArgs { get; }

        public bool IsError => Rule.Severity == RuleSeverity.Error;

        public override string ToString() =>
            $"{Rule.Severity.ToString().ToLowerInvariant()} {Rule.Id}: {Message} [{Target}{(FormulaSpan is { } at ? $"({at.Line},{at.Column})" : "")}]";
    }

    /// <summary>A span of an autoscale formula's text, with the 1-based line and column of its start.</summary>
    public sealed class FormulaSpan
    {
        public FormulaSpan(int start, int length, int line, int column)
        {
            Start = start;
            Length = length;
            Line = line;
            Column = column;
        }

        public int Start { get; }
        public int Length { get; }
        public int Line { get; }
        public int Column { get; }
    }
}
