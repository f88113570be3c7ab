using System.Collections.Generic;
using System.Linq;
using ClusterlessHpc.AutoScale.Language.Binding;
using ClusterlessHpc.AutoScale.Language.Syntax;

namespace ClusterlessHpc.AutoScale.Language
{
    /// <summary>
    /// The one entry point to the formula language for the analyzer and the runtime: lex, parse and bind a formula,
    /// and report every broken rule (CHPC1001–CHPC1041), and the lints on a valid formula that is likely wrong (CHPC1042–CHPC1047) with its span in the formula text. Never throws.
    /// </summary>
    public static class FormulaChecker
    {
        /// <summary>The longest formula Batch accepts, in UTF-16 characters.</summary>
        public const int MaxLength = 8192;

        /// <summary>The most statements Batch accepts in one formula.</summary>
        public const int MaxStatements = 100;

        /// <summary>
        /// The most problems reported for one formula; past it, one CHPC1016 stands for the rest. Text that is not a
        /// formula at all (pasted binary, a wrong constant) would otherwise bury the build log under one error per character.
        /// </summary>
        public const int MaxReportedProblems = 100;

        /// <summary>Checks <paramref name="formulaText"/>; the diagnostics are sorted by position (empty when it is valid).</summary>
        public static IReadOnlyList<FormulaDiagnostic> Check(string formulaText) => Analyze(formulaText).Diagnostics;

        /// <summary>Checks <paramref name="formulaText"/> and keeps the syntax and bound tree for evaluation.</summary>
        internal static FormulaAnalysis Analyze(string formulaText)
        {
            var text = formulaText ?? "";
            var diagnostics = new DiagnosticBag(text);
            if (text.Length > MaxLength) diagnostics.TooLong(MaxLength);
            var syntax = Parser.Parse(text, diagnostics);
            if (syntax.Statements.Count > MaxStatements) diagnostics.TooManyStatements(syntax.Statements[MaxStatements], syntax.Statements.Count);
            // Taken before binding: the service refuses a formula with these outright, and reports the rest when it evaluates.
            var syntaxErrors = diagnostics.HasErrors
                ? diagnostics.ToList(MaxReportedProblems).Where(d => d.IsError).ToList()
                : (IReadOnlyList<FormulaDiagnostic>)System.Array.Empty<FormulaDiagnostic>();
            var bound = Binder.Bind(syntax, text, diagnostics);
            var hasErrors = diagnostics.HasErrors;
            // Lints only on a valid formula: every name is bound, and a formula with errors has better things to fix.
            if (!hasErrors) Lints.FormulaLinter.Lint(syntax, diagnostics);
            return new FormulaAnalysis(text, syntax, hasErrors ? null : bound, diagnostics.ToList(MaxReportedProblems), syntaxErrors);
        }
    }

    /// <summary>The result of checking a formula: its diagnostics and, when there is no error, its bound form.</summary>
    internal sealed class FormulaAnalysis
    {
        internal FormulaAnalysis(string text, FormulaSyntax syntax, BoundFormula? bound, IReadOnlyList<FormulaDiagnostic> diagnostics,
            IReadOnlyList<FormulaDiagnostic> syntaxErrors)
        {
            Text = text;
            Syntax = syntax;
            Bound = bound;
            Diagnostics = diagnostics;
            SyntaxErrors = syntaxErrors;
        }

        public string Text { get; }

        public FormulaSyntax Syntax { get; }

        /// <summary>The bound formula, or null when there is an error.</summary>
        public BoundFormula? Bound { get; }

        public IReadOnlyList<FormulaDiagnostic> Diagnostics { get; }

        /// <summary>
        /// The errors of the text and its grammar (characters, tokens, statements, size), in text order: a formula with
        /// any does not parse. The other errors are found after parsing (names, types, built-ins).
        /// </summary>
        public IReadOnlyList<FormulaDiagnostic> SyntaxErrors { get; }

        public bool HasErrors => Bound is null;
    }
}
