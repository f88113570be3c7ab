using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.AutoScale.Language
{
    /// <summary>
    /// Collects the diagnostics of one check; positions are computed once, when the check is done. It is the one place
    /// formula problems are made: one method per kind of problem (DiagnosticBag.Syntax.cs, DiagnosticBag.Binding.cs),
    /// each reporting its own catalogue rule with arguments that name the offending text, so no message is pieced
    /// together anywhere else and every kind has its own id.
    /// </summary>
    internal sealed partial class DiagnosticBag
    {
        private readonly List<(PoolRule Rule, int Start, int Length, object[] Args)> _items = new();
        private readonly string _text;
        private LineMap? _lines;

        public DiagnosticBag(string text) => _text = text;

        public bool HasErrors { get; private set; }

        private LineMap Lines => _lines ??= new LineMap(_text);

        private void Add(PoolRule rule, int start, int length, params object[] args)
        {
            _items.Add((rule, start, length, args));
            if (rule.Severity == RuleSeverity.Error) HasErrors = true;
        }

        /// <summary>How formula text is quoted in a message: whitespace folded, long text shortened.</summary>
        private string Snippet(int start, int length) => FormulaText.Snippet(_text, start, length);

        /// <summary>
        /// The diagnostics sorted by position. Past <paramref name="limit"/> problems, the first <paramref name="limit"/>
        /// and one <see cref="DiagnosticCatalogue.FormulaMustNotHaveTooManyProblems"/> on the first left out. The rules
        /// about the formula as a whole (<see cref="IsFormulaWide"/>) and the warnings are always reported and not
        /// counted (the lints run only on a formula without errors), so the problems counted are all errors, and the
        /// summary is one too.
        /// </summary>
        public IReadOnlyList<FormulaDiagnostic> ToList(int limit)
        {
            if (_items.Count == 0) return System.Array.Empty<FormulaDiagnostic>();
            _items.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Rule.Id, b.Rule.Id));
            var result = new List<FormulaDiagnostic>(System.Math.Min(_items.Count, limit + 4));
            var counted = 0;
            (PoolRule Rule, int Start, int Length, object[] Args)? firstLeftOut = null;
            foreach (var item in _items)
            {
                if (IsFormulaWide(item.Rule) || item.Rule.Severity != RuleSeverity.Error || counted++ < limit) result.Add(Create(item.Rule, item.Start, item.Length, item.Args));
                else firstLeftOut ??= item;
            }
            if (firstLeftOut is { } first)
            {
                var summary = Create(DiagnosticCatalogue.FormulaMustNotHaveTooManyProblems, first.Start, first.Length, counted, limit);
                var at = result.FindIndex(d => d.Start > first.Start);
                result.Insert(at < 0 ? result.Count : at, summary);
            }
            return result;

            FormulaDiagnostic Create(PoolRule rule, int start, int length, params object[] args)
            {
                var (line, column) = Lines.Position(start);
                return new FormulaDiagnostic(rule, start, length, line, column, args);
            }
        }

        /// <summary>Rules about the formula as a whole, each reported at most once: its length, its statement count, its missing target.</summary>
        private static bool IsFormulaWide(PoolRule rule) =>
            rule == DiagnosticCatalogue.FormulaMustNotBeTooLong ||
            rule == DiagnosticCatalogue.FormulaMustNotHaveTooManyStatements ||
            rule == DiagnosticCatalogue.FormulaShouldAssignTarget;
    }
}
