using System.Text;

namespace ClusterlessHpc.Generator
{
    /// <summary>Builds generated source with four-space indentation and '\n' line ends, whatever the machine.</summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder _text;
        private int _depth;

        /// <param name="capacity">What the text will take, about: a pool's file is mostly its script, known before it is written.</param>
        public IndentedWriter(int capacity = 1024) => _text = new StringBuilder(capacity);

        public void Line(string text = "")
        {
            if (text.Length > 0) _text.Append(' ', _depth * 4).Append(text);
            _text.Append('\n');
        }

        /// <summary>
        /// Writes <c>{lead}@"{value}";</c>, <paramref name="values"/> one after the other, with '"' doubled, straight from
        /// the values: a script is the bulk of a pool's file, and joining it into the line first would copy it again.
        /// </summary>
        public void VerbatimLine(string lead, params string[] values)
        {
            _text.Append(' ', _depth * 4).Append(lead).Append("@\"");
            foreach (var value in values)
            {
                var start = 0;
                for (var quote = value.IndexOf('"'); quote >= 0; quote = value.IndexOf('"', start))
                {
                    _text.Append(value, start, quote + 1 - start).Append('"');
                    start = quote + 1;
                }
                _text.Append(value, start, value.Length - start);
            }
            _text.Append("\";\n");
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
