using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.AutoScale.Language
{
    /// <summary>Collects the diagnostics of one check; positions are computed once, when the check is done.</summary>
    internal sealed class DiagnosticBag
    {
        private readonly List<(PoolRule Rule, int Start, int Length, object[] Args)> _items = new();

        public int Count => _items.Count;

        public bool HasErrors { get; private set; }

        public void Add(PoolRule rule, int start, int length, params object[] args)
        {
            _items.Add((rule, start, length, args));
            if (rule.Severity == RuleSeverity.Error) HasErrors = true;
        }

        /// <summary>
        /// The diagnostics sorted by position. Past <paramref name="limit"/> problems, the first <paramref name="limit"/>
        /// and one <see cref="DiagnosticCatalogue.FormulaMustNotHaveTooManyProblems"/> on the first left out. The rules
        /// about the formula as a whole (<see cref="IsFormulaWide"/>) are always reported and not counted: the only
        /// warning is among them, so the problems counted are all errors, and the summary is one too.
        /// </summary>
        public IReadOnlyList<FormulaDiagnostic> ToList(string text, int limit)
        {
            if (_items.Count == 0) return System.Array.Empty<FormulaDiagnostic>();
            _items.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Rule.Id, b.Rule.Id));
            var lines = new LineMap(text);
            var result = new List<FormulaDiagnostic>(System.Math.Min(_items.Count, limit + 4));
            var counted = 0;
            (PoolRule Rule, int Start, int Length, object[] Args)? firstLeftOut = null;
            foreach (var item in _items)
            {
                if (IsFormulaWide(item.Rule) || counted++ < limit) result.Add(Create(item.Rule, item.Start, item.Length, item.Args));
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
                var (line, column) = lines.Position(start);
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
