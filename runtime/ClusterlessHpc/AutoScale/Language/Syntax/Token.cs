namespace ClusterlessHpc.AutoScale.Language.Syntax
{
    /// <summary>A token: its kind and where it is in the formula text. Text is cut from the formula only when needed.</summary>
    internal readonly struct Token
    {
        public Token(TokenKind kind, int start, int length)
        {
            Kind = kind;
            Start = start;
            Length = length;
        }

        public TokenKind Kind { get; }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        public string Text(string formula) => formula.Substring(Start, Length);
    }
}
