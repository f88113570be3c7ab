using System;
using System.Linq;

namespace ClusterlessHpc.Cli
{
    /// <summary>Keeps account keys out of everything chpc prints.</summary>
    internal static class Secrets
    {
        public const string Mask = "***";

        /// <summary>
        /// <paramref name="text"/> with the value of every <c>--key</c> on the command line replaced by <see cref="Mask"/>, and
        /// of every option that looks like a mistyped one (<c>--kye</c>, <c>-key</c>, <c>--Key</c>, <c>--keys</c>): the parser
        /// names an option it does not know, and the word after it, in its error.
        /// </summary>
        public static string Redact(string text, string[] args)
        {
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith('-')) continue;
                var separator = args[i].IndexOfAny(['=', ':']);
                var name = (separator < 0 ? args[i] : args[i][..separator]).TrimStart('-');
                if (!LooksLikeKey(name)) continue;
                var key = separator >= 0 ? args[i][(separator + 1)..] : i + 1 < args.Length ? args[i + 1] : null;
                if (!string.IsNullOrEmpty(key)) text = text.Replace(key, Mask, StringComparison.Ordinal);
            }
            return text;
        }

        /// <summary>"key", any case, or one letter off it (added, dropped, changed, or two swapped).</summary>
        private static bool LooksLikeKey(string name)
        {
            var lower = name.ToLowerInvariant();
            if (lower == "key") return true;
            if (lower.Length < 2 || lower.Length > 4) return false;
            if (lower.Length == 3 && lower.Order().SequenceEqual("eky")) return true;
            return Distance(lower, "key") <= 1;
        }

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }
                (previous, current) = (current, previous);
            }
            return previous[b.Length];
        }
    }
}
