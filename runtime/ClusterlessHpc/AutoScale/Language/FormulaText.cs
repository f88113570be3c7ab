namespace ClusterlessHpc.AutoScale.Language
{
    /// <summary>How formula text is quoted in messages: whitespace runs folded, long text shortened.</summary>
    internal static class FormulaText
    {
        public const int MaxSnippet = 60;

        public static string Snippet(string text, int start, int length)
        {
            if (start < 0) start = 0;
            if (start > text.Length) start = text.Length;
            if (length > text.Length - start) length = text.Length - start;
            var builder = new System.Text.StringBuilder(System.Math.Min(length, MaxSnippet + 3));
            var lastWasSpace = false;
            for (var i = start; i < start + length; i++)
            {
                var c = text[i];
                var space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
                if (space)
                {
                    if (!lastWasSpace) builder.Append(' ');
                }
                else
                {
                    builder.Append(c);
                }
                lastWasSpace = space;
                if (builder.Length >= MaxSnippet)
                {
                    if (i + 1 < start + length) builder.Append("...");
                    break;
                }
            }
            return builder.ToString();
        }
    }
}
