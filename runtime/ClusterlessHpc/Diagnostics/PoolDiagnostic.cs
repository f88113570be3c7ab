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

        public PoolRule Rule { get; }

        /// <summary>Where the value came from, for example <c>JuliaPackage[1].Name</c>; the analyzer maps it to the argument's span.</summary>
        public string Target { get; }

        public string Message { get; }

        internal object[] MessageArgs { get; }

        public bool IsError => Rule.Severity == RuleSeverity.Error;

        public override string ToString() => $"{Rule.Severity.ToString().ToLowerInvariant()} {Rule.Id}: {Message} [{Target}]";
    }
}
