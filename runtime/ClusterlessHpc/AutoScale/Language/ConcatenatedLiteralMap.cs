using System.Collections.Generic;
using System.Text;

namespace ClusterlessHpc.AutoScale.Language
{
    /// <summary>
    /// A formula written as a concatenation of constant string literals (<c>Part1 + "..." + Part2</c>): its value and,
    /// for a span of the formula, which literal holds it and where inside that literal's token.
    /// </summary>
    internal sealed class ConcatenatedLiteralMap
    {
        private readonly IReadOnlyList<StringLiteralMap> _parts;
        private readonly int[] _partStarts;

        private ConcatenatedLiteralMap(string value, IReadOnlyList<StringLiteralMap> parts, int[] partStarts)
        {
            Value = value;
            _parts = parts;
            _partStarts = partStarts;
        }

        public string Value { get; }

        /// <summary>Decodes each literal token text in order; false when one of them is not a literal this map reads.</summary>
        public static bool TryCreate(IReadOnlyList<string> tokenTexts, out ConcatenatedLiteralMap? map)
        {
            map = null;
            var parts = new List<StringLiteralMap>(tokenTexts.Count);
            var starts = new int[tokenTexts.Count];
            var value = new StringBuilder();
            for (var i = 0; i < tokenTexts.Count; i++)
            {
                if (!StringLiteralMap.TryCreate(tokenTexts[i], out var part)) return false;
                starts[i] = value.Length;
                value.Append(part!.Value);
                parts.Add(part);
            }
            map = new ConcatenatedLiteralMap(value.ToString(), parts, starts);
            return true;
        }

        /// <summary>
        /// The literal holding <paramref name="start"/> and the span in its token; a span that runs into the next
        /// literal is cut at the end of the first. Past the end: the last literal's closing quotes. -1 when there are no parts.
        /// </summary>
        public (int Part, int Start, int Length) MapSpan(int start, int length)
        {
            if (_parts.Count == 0) return (-1, 0, 0);
            var part = _parts.Count - 1;
            for (var i = 0; i < _parts.Count; i++)
            {
                var end = _partStarts[i] + _parts[i].Value.Length;
                if (start < end)
                {
                    part = i;
                    break;
                }
            }
            var local = start - _partStarts[part];
            var available = _parts[part].Value.Length - local;
            var (tokenStart, tokenLength) = _parts[part].MapSpan(local, System.Math.Min(length, System.Math.Max(available, 0)));
            return (part, tokenStart, tokenLength);
        }
    }
}
