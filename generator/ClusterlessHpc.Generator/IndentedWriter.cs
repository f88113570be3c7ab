using System.Text;

namespace ClusterlessHpc.Generator
{
    /// <summary>Builds generated source with four-space indentation and '\n' line ends, whatever the machine.</summary>
    internal sealed class IndentedWriter
    {
        // A pool's file is mostly its startup script: starting large spares the builder a chain of small chunks.
        private readonly StringBuilder _text = new(16 * 1024);
        private int _depth;

        public void Line(string text = "")
        {
            if (text.Length > 0) _text.Append(' ', _depth * 4).Append(text);
            _text.Append('\n');
        }

        /// <summary>
        /// Writes <c>{lead}@"{value}";</c> with '"' doubled, straight from <paramref name="value"/>: a script is the
        /// bulk of a pool's file, and building it into the line first would copy it twice more.
        /// </summary>
        public void VerbatimLine(string lead, string value)
        {
            _text.Append(' ', _depth * 4).Append(lead).Append("@\"");
            var start = 0;
            for (var quote = value.IndexOf('"'); quote >= 0; quote = value.IndexOf('"', start))
            {
                _text.Append(value, start, quote + 1 - start).Append('"');
                start = quote + 1;
            }
            _text.Append(value, start, value.Length - start).Append("\";\n");
        }

        public void Open()
        {
            Line("{");
            _depth++;
        }

        public void Close(string closing = "}")
        {
            _depth--;
            Line(closing);
        }

        public override string ToString() => _text.ToString();
    }
}
