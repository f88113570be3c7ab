using System.Collections.Generic;
using System.Text;

namespace ClusterlessHpc.AutoScale.Language
{
    /// <summary>
    /// The value of a C# string literal token and, for each character of the value, the text in the token that
    /// produced it, so a diagnostic at a formula offset can be placed exactly inside the attribute's string. Handles
    /// regular (<c>"a\n\u0041"</c>), verbatim (<c>@"a""b"</c>) and raw (<c>"""..."""</c>, single- or multi-line, with
    /// the closing line's indentation removed) literals; not interpolated ones. Takes plain strings: no Roslyn here.
    /// </summary>
    internal sealed class StringLiteralMap
    {
        private readonly int[] _starts;
        private readonly int[] _ends;

        private StringLiteralMap(string value, int[] starts, int[] ends, int valueEnd)
        {
            Value = value;
            _starts = starts;
            _ends = ends;
            ValueEnd = valueEnd;
        }

        /// <summary>The string the literal stands for.</summary>
        public string Value { get; }

        /// <summary>Offset in the token of what follows the value (the closing quotes).</summary>
        public int ValueEnd { get; }

        /// <summary>Offset in the token of the first character of what produced <c>Value[index]</c> (an escape's backslash).</summary>
        public int SourceStart(int index) => _starts[index];

        /// <summary>Offset in the token just after what produced <c>Value[index]</c>.</summary>
        public int SourceEnd(int index) => _ends[index];

        /// <summary>Maps a span of the value to the span of token text that produced it; spans past the end are clipped.</summary>
        public (int Start, int Length) MapSpan(int start, int length)
        {
            if (start < 0) start = 0;
            if (start >= Value.Length) return (ValueEnd, 0);
            if (length <= 0) return (_starts[start], 0);
            var last = System.Math.Min(start + length, Value.Length) - 1;
            return (_starts[start], _ends[last] - _starts[start]);
        }

        /// <summary>Decodes <paramref name="tokenText"/>, the exact source text of one C# string literal token.</summary>
        public static bool TryCreate(string tokenText, out StringLiteralMap? map)
        {
            map = null;
            if (string.IsNullOrEmpty(tokenText)) return false;
            var builder = new Builder(tokenText.Length);
            bool ok;
            if (tokenText[0] == '@') ok = Verbatim(tokenText, builder);
            else if (tokenText.StartsWith("\"\"\"", System.StringComparison.Ordinal)) ok = Raw(tokenText, builder);
            else if (tokenText[0] == '"') ok = Regular(tokenText, builder);
            else ok = false;
            if (!ok) return false;
            map = builder.Build();
            return true;
        }

        private static bool Regular(string s, Builder value)
        {
            if (s.Length < 2 || s[s.Length - 1] != '"') return false;
            var end = s.Length - 1;
            var i = 1;
            while (i < end)
            {
                var c = s[i];
                if (c == '"' || c == '\n' || c == '\r') return false;
                if (c != '\\')
                {
                    value.Add(c, i, i + 1);
                    i++;
                    continue;
                }
                if (i + 1 >= end) return false;
                var start = i;
                var kind = s[i + 1];
                i += 2;
                switch (kind)
                {
                    case '\'': value.Add('\'', start, i); break;
                    case '"': value.Add('"', start, i); break;
                    case '\\': value.Add('\\', start, i); break;
                    case '0': value.Add('\0', start, i); break;
                    case 'a': value.Add('\a', start, i); break;
                    case 'b': value.Add('\b', start, i); break;
                    case 'e': value.Add('\u001b', start, i); break;
                    case 'f': value.Add('\f', start, i); break;
                    case 'n': value.Add('\n', start, i); break;
                    case 'r': value.Add('\r', start, i); break;
                    case 't': value.Add('\t', start, i); break;
                    case 'v': value.Add('\v', start, i); break;
                    case 'x':
                    {
                        // One to four hex digits, as many as follow.
                        var digits = 0;
                        var code = 0;
                        while (digits < 4 && i < end && Hex(s[i]) >= 0)
                        {
                            code = code * 16 + Hex(s[i]);
                            i++;
                            digits++;
                        }
                        if (digits == 0) return false;
                        value.Add((char)code, start, i);
                        break;
                    }
                    case 'u':
                    case 'U':
                    {
                        var count = kind == 'u' ? 4 : 8;
                        if (i + count > end) return false;
                        long code = 0;
                        for (var k = 0; k < count; k++)
                        {
                            var digit = Hex(s[i + k]);
                            if (digit < 0) return false;
                            code = code * 16 + digit;
                        }
                        i += count;
                        if (code > 0x10FFFF) return false;
                        if (code > 0xFFFF)
                        {
                            // Both halves of the surrogate pair come from the one escape.
                            var pair = char.ConvertFromUtf32((int)code);
                            value.Add(pair[0], start, i);
                            value.Add(pair[1], start, i);
                        }
                        else
                        {
                            value.Add((char)code, start, i);
                        }
                        break;
                    }
                    default:
                        return false;
                }
            }
            value.End = end;
            return true;
        }

        private static bool Verbatim(string s, Builder value)
        {
            if (s.Length < 3 || s[1] != '"' || s[s.Length - 1] != '"') return false;
            var end = s.Length - 1;
            var i = 2;
            while (i < end)
            {
                if (s[i] == '"')
                {
                    if (i + 1 >= end || s[i + 1] != '"') return false;
                    value.Add('"', i, i + 2);
                    i += 2;
                    continue;
                }
                value.Add(s[i], i, i + 1);
                i++;
            }
            value.End = end;
            return true;
        }

        private static bool Raw(string s, Builder value)
        {
            var quotes = 0;
            while (quotes < s.Length && s[quotes] == '"') quotes++;
            if (s.Length < 2 * quotes) return false;
            for (var k = s.Length - quotes; k < s.Length; k++)
            {
                if (s[k] != '"') return false;
            }
            var contentEnd = s.Length - quotes;
            var firstBreak = LineBreakAt(s, quotes, contentEnd);
            if (firstBreak < 0)
            {
                // Single line: everything between the quotes, which must not start or end with a quote.
                if (contentEnd <= quotes || s[quotes] == '"' || s[contentEnd - 1] == '"') return false;
                for (var i = quotes; i < contentEnd; i++) value.Add(s[i], i, i + 1);
                value.End = contentEnd;
                return true;
            }
            return MultiLineRaw(s, quotes, contentEnd, value);
        }

        private static bool MultiLineRaw(string s, int quotes, int contentEnd, Builder value)
        {
            // The opening line holds only whitespace after the quotes; the closing line only the indentation.
            var i = quotes;
            while (i < contentEnd && IsBlank(s[i])) i++;
            var openingBreak = LineBreakLength(s, i, contentEnd);
            if (openingBreak == 0) return false;
            var firstLine = i + openingBreak;
            var indentStart = contentEnd;
            while (indentStart > firstLine && IsBlank(s[indentStart - 1])) indentStart--;
            if (indentStart == firstLine)
            {
                value.End = contentEnd;
                return true;
            }
            var last = s[indentStart - 1];
            if (last != '\n' && last != '\r') return false;
            // The line break before the closing line is not part of the value.
            var regionEnd = last == '\n' && indentStart - 2 >= firstLine && s[indentStart - 2] == '\r' ? indentStart - 2 : indentStart - 1;
            var indentation = s.Substring(indentStart, contentEnd - indentStart);

            var line = firstLine;
            while (true)
            {
                var lineEnd = line;
                while (lineEnd < regionEnd && s[lineEnd] != '\n' && s[lineEnd] != '\r') lineEnd++;
                int contentStart;
                if (lineEnd - line >= indentation.Length && string.CompareOrdinal(s, line, indentation, 0, indentation.Length) == 0)
                {
                    contentStart = line + indentation.Length;
                }
                else if (IsAllBlank(s, line, lineEnd))
                {
                    contentStart = lineEnd;
                }
                else
                {
                    return false;
                }
                for (var k = contentStart; k < lineEnd; k++) value.Add(s[k], k, k + 1);
                if (lineEnd >= regionEnd) break;
                var breakLength = LineBreakLength(s, lineEnd, regionEnd);
                for (var k = lineEnd; k < lineEnd + breakLength; k++) value.Add(s[k], k, k + 1);
                line = lineEnd + breakLength;
            }
            value.End = regionEnd;
            return true;
        }

        private static int LineBreakAt(string s, int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (s[i] == '\n' || s[i] == '\r') return i;
            }
            return -1;
        }

        private static int LineBreakLength(string s, int at, int limit)
        {
            if (at >= limit) return 0;
            if (s[at] == '\r') return at + 1 < limit && s[at + 1] == '\n' ? 2 : 1;
            return s[at] == '\n' ? 1 : 0;
        }

        private static bool IsAllBlank(string s, int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (!IsBlank(s[i])) return false;
            }
            return true;
        }

        private static bool IsBlank(char c) => c == ' ' || c == '\t';

        private static int Hex(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        private sealed class Builder
        {
            private readonly StringBuilder _value;
            private readonly List<int> _starts;
            private readonly List<int> _ends;

            public Builder(int capacity)
            {
                _value = new StringBuilder(capacity);
                _starts = new List<int>(capacity);
                _ends = new List<int>(capacity);
            }

            public int End { get; set; }

            public void Add(char c, int start, int end)
            {
                _value.Append(c);
                _starts.Add(start);
                _ends.Add(end);
            }

            public StringLiteralMap Build() => new(_value.ToString(), _starts.ToArray(), _ends.ToArray(), End);
        }
    }
}
