using System.Text;

namespace ClusterlessHpc.Generator
{
    /// <summary>Builds generated source with four-space indentation and '\n' line ends, whatever the machine.</summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder _text = new();
        private int _depth;

        public void Line(string text = "")
        {
            if (text.Length > 0) _text.Append(' ', _depth * 4).Append(text);
            _text.Append('\n');
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
