using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale.Language.Syntax
{
    /// <summary>
    /// Splits formula text into tokens. Whitespace and <c>//</c> comments separate tokens and are dropped here, before
    /// statements are split on ';' (comments may contain ';'). Anything the language does not have becomes a
    /// <see cref="TokenKind.Bad"/> token with one diagnostic, so the parser never reports it twice.
    /// </summary>
    internal static class Lexer
    {
        public static Token[] Tokenize(string text, DiagnosticBag diagnostics)
        {
            var tokens = new List<Token>(text.Length / 4 + 4);
            var i = 0;
            while (true)
            {
                i = SkipTrivia(text, i, diagnostics);
                if (i >= text.Length)
                {
                    tokens.Add(new Token(TokenKind.EndOfText, text.Length, 0));
                    return tokens.ToArray();
                }
                var token = Next(text, i, diagnostics);
                tokens.Add(token);
                i = token.End;
            }
        }

        private static int SkipTrivia(string text, int i, DiagnosticBag diagnostics)
        {
            while (i < text.Length)
            {
                var c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    i++;
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                {
                    while (i < text.Length && text[i] != '\n' && text[i] != '\r') i++;
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    // Reported once, then skipped whole so its contents do not cascade.
                    var close = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                    var end = close < 0 ? text.Length : close + 2;
                    diagnostics.BlockComment(i, end - i);
                    i = end;
                }
                else
                {
                    break;
                }
            }
            return i;
        }

        private static Token Next(string text, int i, DiagnosticBag diagnostics)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case '+': return new Token(TokenKind.Plus, i, 1);
                case '-': return new Token(TokenKind.Minus, i, 1);
                case '*': return new Token(TokenKind.Star, i, 1);
                case '/': return new Token(TokenKind.Slash, i, 1);
                case '?': return new Token(TokenKind.Question, i, 1);
                case ':': return new Token(TokenKind.Colon, i, 1);
                case '(': return new Token(TokenKind.OpenParen, i, 1);
                case ')': return new Token(TokenKind.CloseParen, i, 1);
                case ',': return new Token(TokenKind.Comma, i, 1);
                case ';': return new Token(TokenKind.Semicolon, i, 1);
                case '!': return next == '=' ? new Token(TokenKind.BangEqual, i, 2) : new Token(TokenKind.Bang, i, 1);
                case '<': return next == '=' ? new Token(TokenKind.LessEqual, i, 2) : new Token(TokenKind.Less, i, 1);
                case '>': return next == '=' ? new Token(TokenKind.GreaterEqual, i, 2) : new Token(TokenKind.Greater, i, 1);
                case '=': return next == '=' ? new Token(TokenKind.EqualEqual, i, 2) : new Token(TokenKind.Equals, i, 1);
                case '&':
                    if (next == '&') return new Token(TokenKind.AmpersandAmpersand, i, 2);
                    diagnostics.SingleLogicalOperator(i);
                    return Bad(i, 1);
                case '|':
                    if (next == '|') return new Token(TokenKind.BarBar, i, 2);
                    diagnostics.SingleLogicalOperator(i);
                    return Bad(i, 1);
                case '"': return StringLiteral(text, i, diagnostics);
                case '.':
                    if (IsDigit(next)) return Number(text, i, diagnostics);
                    return new Token(TokenKind.Dot, i, 1);
            }
            if (IsDigit(c)) return Number(text, i, diagnostics);
            if (c == '$' || IsNameStart(c)) return Identifier(text, i, diagnostics);
            switch (c)
            {
                case '\'':
                {
                    // One diagnostic for a whole single-quoted string, not one per quote.
                    var end = i + 1;
                    while (end < text.Length && text[end] != '\'' && text[end] != '\n' && text[end] != '\r') end++;
                    if (end < text.Length && text[end] == '\'') end++;
                    diagnostics.SingleQuotedString(i, end - i);
                    return Bad(i, end - i);
                }
                case '{':
                {
                    // One diagnostic for a whole placeholder such as {maxNodes}, not one per brace.
                    var end = i + 1;
                    while (end < text.Length && text[end] != '}' && text[end] != '{' && text[end] != '\n' && text[end] != '\r') end++;
                    end = end < text.Length && text[end] == '}' ? end + 1 : i + 1;
                    diagnostics.Placeholder(i, end - i);
                    return Bad(i, end - i);
                }
                case '}':
                    diagnostics.Placeholder(i, 1);
                    return Bad(i, 1);
                case '\\':
                    diagnostics.Escape(i);
                    return Bad(i, 1);
                default:
                    diagnostics.UnexpectedCharacter(i);
                    return Bad(i, 1);
            }
        }

        private static Token Identifier(string text, int start, DiagnosticBag diagnostics)
        {
            var i = start;
            if (text[i] == '$')
            {
                i++;
                if (i >= text.Length || !IsNameStart(text[i]))
                {
                    // The digits that may follow belong to the mistake, as in $1: one bad token, not two.
                    while (i < text.Length && IsNamePart(text[i])) i++;
                    diagnostics.BadVariableName(start, i - start);
                    return Bad(start, i - start);
                }
            }
            while (i < text.Length && IsNamePart(text[i])) i++;
            return new Token(TokenKind.Identifier, start, i - start);
        }

        private static Token Number(string text, int start, DiagnosticBag diagnostics)
        {
            var i = start;
            while (i < text.Length && IsDigit(text[i])) i++;
            var wellFormed = i > start;
            if (i < text.Length && text[i] == '.')
            {
                var fractionStart = ++i;
                while (i < text.Length && IsDigit(text[i])) i++;
                wellFormed &= i > fractionStart;
            }
            // A number runs into letters or more points, as in 1e3, 0x10 or 1.2.3: one bad token, not several.
            var end = i;
            while (end < text.Length && (IsNamePart(text[end]) || text[end] == '.')) end++;
            if (end > i || !wellFormed)
            {
                diagnostics.BadNumber(start, end - start);
                return Bad(start, end - start);
            }
            return new Token(TokenKind.Number, start, i - start);
        }

        private static Token StringLiteral(string text, int start, DiagnosticBag diagnostics)
        {
            var i = start + 1;
            while (i < text.Length && text[i] != '"' && text[i] != '\n' && text[i] != '\r') i++;
            if (i < text.Length && text[i] == '"') return new Token(TokenKind.String, start, i + 1 - start);
            diagnostics.UnclosedString(start, i - start);
            return Bad(start, i - start);
        }

        /// <summary>A token the lexer has already reported.</summary>
        private static Token Bad(int start, int length) => new(TokenKind.Bad, start, length);

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsNameStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

        private static bool IsNamePart(char c) => IsNameStart(c) || IsDigit(c);
    }
}
