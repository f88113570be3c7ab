namespace ClusterlessHpc.AutoScale.Language.Syntax
{
    /// <summary>The kinds of token in a formula; <see cref="Bad"/> is text the lexer already reported.</summary>
    internal enum TokenKind
    {
        EndOfText,
        Bad,
        Number,
        String,
        Identifier,
        Plus,
        Minus,
        Star,
        Slash,
        Bang,
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
        EqualEqual,
        BangEqual,
        AmpersandAmpersand,
        BarBar,
        Question,
        Colon,
        Equals,
        OpenParen,
        CloseParen,
        Comma,
        Dot,
        Semicolon,
    }
}
