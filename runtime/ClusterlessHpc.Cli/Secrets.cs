using System;
using ClusterlessHpc.AutoScale.Language.Binding;

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

        /// <summary>"key", in any case, or one slip off it (a letter added, dropped or changed, or two swapped), as the hints count slips.</summary>
        private static bool LooksLikeKey(string name) => name.Length is >= 2 and <= 4 && Suggestions.Distance(name, "key") <= 1;
    }
}
