namespace ClusterlessHpc.Diagnostics
{
    /// <summary>How serious a broken rule is; mapped one to one onto Roslyn's DiagnosticSeverity by the analyzer.</summary>
    public enum RuleSeverity
    {
        Info,
        Warning,
        Error,
    }
}
