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

        public IReadOnlyList<FormulaDiagnostic> ToList(string text)
        {
            if (_items.Count == 0) return System.Array.Empty<FormulaDiagnostic>();
            var lines = new LineMap(text);
            var result = new List<FormulaDiagnostic>(_items.Count);
            foreach (var item in _items)
            {
                var (line, column) = lines.Position(item.Start);
                result.Add(new FormulaDiagnostic(item.Rule, item.Start, item.Length, line, column, item.Args));
            }
            result.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Rule.Id, b.Rule.Id));
            return result;
        }
    }
}
