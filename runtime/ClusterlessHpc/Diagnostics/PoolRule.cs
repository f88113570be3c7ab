namespace ClusterlessHpc.Diagnostics
{
    /// <summary>One entry of the diagnostic catalogue: the same id, title, message and severity at compile time and at run time.</summary>
    public sealed class PoolRule
    {
        internal PoolRule(string id, string name, string title, string messageFormat, RuleSeverity severity, string category)
        {
            Id = id;
            Name = name;
            Title = title;
            MessageFormat = messageFormat;
            Severity = severity;
            Category = category;
        }

        /// <summary>The stable id, <c>CHPC</c> and four digits.</summary>
        public string Id { get; }

        /// <summary>The rule as a sentence-like name, for example <c>PoolIdMustBeValid</c>.</summary>
        public string Name { get; }

        public string Title { get; }

        /// <summary>A composite format whose arguments name the offending value.</summary>
        public string MessageFormat { get; }

        public RuleSeverity Severity { get; }

        public string Category { get; }

        /// <summary>
        /// The page that says what the rule checks, why, and how to fix it: a path in the repository and in the
        /// ClusterlessHpc package, which carries every page.
        /// </summary>
        public string DocsPage => DiagnosticCatalogue.DocsFolder + Id + ".md";

        public string Format(params object[] args) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);

        public override string ToString() => $"{Id} {Name}";
    }
}
