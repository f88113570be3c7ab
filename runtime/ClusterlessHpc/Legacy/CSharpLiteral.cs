using System.Globalization;
using System.Text;

namespace ClusterlessHpc.Legacy
{
    /// <summary>C# source text for constant values, so any imported string compiles back to itself.</summary>
    internal static class CSharpLiteral
    {
        /// <summary>A regular string literal: quotes, backslashes, line breaks, controls and unpaired surrogates escaped.</summary>
        public static string String(string value)
        {
            var text = new StringBuilder(value.Length + 2).Append('"');
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    case '\0': text.Append("\\0"); break;
                    default:
                        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        {
                            text.Append(c).Append(value[++i]);
                        }
                        else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u0085' or '\u2028' or '\u2029')
                        {
                            // Characters a literal cannot hold as they are (line separators end a line in C# source too).
                            text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }
                        break;
                }
            }
            return text.Append('"').ToString();
        }

        /// <summary>Text for a <c>//</c> comment: anything that would end the line (and so the comment) becomes a space.</summary>
        public static string Comment(string value)
        {
            var text = new StringBuilder(value.Length);
            foreach (var c in value) text.Append(char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' ? ' ' : c);
            return text.ToString();
        }
    }
}
