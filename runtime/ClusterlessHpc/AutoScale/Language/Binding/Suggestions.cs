using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale.Language.Binding
{
    /// <summary>
    /// For "did you mean" hints: the known name that differs only in case, or by a small edit, from a written one. chpc
    /// compiles this file in too, for its misspelled commands and options.
    /// </summary>
    internal static class Suggestions
    {
        /// <summary>" (did you mean 'X'?)" for the closest candidate, or "" when none is close.</summary>
        public static string Hint(string name, IEnumerable<string> candidates)
        {
            var best = Closest(name, candidates);
            return best is null ? "" : " (did you mean '" + best + "'?)";
        }

        public static string? Closest(string name, IEnumerable<string> candidates)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            var limit = System.Math.Max(1, name.Length / 4);
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate, name, System.StringComparison.Ordinal)) continue;
                if (string.Equals(candidate, name, System.StringComparison.OrdinalIgnoreCase)) return candidate;
                if (System.Math.Abs(candidate.Length - name.Length) > limit) continue;
                var distance = Distance(name, candidate);
                if (distance <= limit && distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            return best;
        }

        // Edit distance ignoring case, where swapping two neighbouring letters is one slip ("stauts" for "status"), as a
        // typo is (optimal string alignment); typos and wrong case are the same kind of slip here.
        public static int Distance(string a, string b)
        {
            var beforePrevious = new int[b.Length + 1];
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var same = Same(a[i - 1], b[j - 1]);
                    current[j] = System.Math.Min(System.Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (same ? 0 : 1));
                    if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                    {
                        current[j] = System.Math.Min(current[j], beforePrevious[j - 2] + 1);
                    }
                }
                var swap = beforePrevious;
                beforePrevious = previous;
                previous = current;
                current = swap;
            }
            return previous[b.Length];
        }

        private static bool Same(char a, char b) => char.ToLowerInvariant(a) == char.ToLowerInvariant(b);
    }
}
