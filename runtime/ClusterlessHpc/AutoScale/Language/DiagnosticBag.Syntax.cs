using System.Globalization;
using ClusterlessHpc.AutoScale.Language.Syntax;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.AutoScale.Language
{
    /// <summary>The problems of the formula's text: its size, its characters and tokens (lexer), and its grammar (parser).</summary>
    internal sealed partial class DiagnosticBag
    {
        public void TooLong(int maxLength) =>
            Add(DiagnosticCatalogue.FormulaMustNotBeTooLong, maxLength, _text.Length - maxLength, _text.Length);

        public void TooManyStatements(StatementSyntax firstExtra, int count) =>
            Add(DiagnosticCatalogue.FormulaMustNotHaveTooManyStatements, firstExtra.Start, firstExtra.Length,
                count, Snippet(firstExtra.Start, System.Math.Min(firstExtra.Length, 30)));

        // The lexer's problems: each is one bad token, so the parser never reports the same text again.

        public void BlockComment(int start, int length) =>
            Add(DiagnosticCatalogue.FormulaCommentMustBeLineComment, start, length, Snippet(start, length));

        public void UnexpectedCharacter(int at) =>
            Add(DiagnosticCatalogue.FormulaCharacterMustBeValid, at, 1, DescribeCharacter(_text[at]));

        /// <summary>A '\' outside a string; the message shows it with the character it would escape, as in <c>\"</c>.</summary>
        public void Escape(int at)
        {
            var escaped = at + 1 < _text.Length && _text[at + 1] > ' ' && !char.IsWhiteSpace(_text[at + 1]) && !char.IsSurrogate(_text[at + 1])
                ? _text.Substring(at, 2)
                : "\\";
            Add(DiagnosticCatalogue.FormulaMustNotContainEscapes, at, 1, escaped);
        }

        public void Placeholder(int start, int length) =>
            Add(DiagnosticCatalogue.FormulaMustNotContainPlaceholders, start, length, Snippet(start, length));

        /// <summary>A lone '&amp;' or '|'.</summary>
        public void SingleLogicalOperator(int at) =>
            Add(DiagnosticCatalogue.FormulaLogicalOperatorMustBeDoubled, at, 1, _text[at].ToString(), _text[at] == '&' ? "and" : "or");

        /// <summary>Text in single quotes, the closing quote included when there is one on the line.</summary>
        public void SingleQuotedString(int start, int length)
        {
            var closed = length > 1 && _text[start + length - 1] == '\'';
            var inside = Snippet(start + 1, length - (closed ? 2 : 1));
            Add(DiagnosticCatalogue.FormulaStringMustUseDoubleQuotes, start, length, Snippet(start, length), inside);
        }

        public void UnclosedString(int start, int length) =>
            Add(DiagnosticCatalogue.FormulaStringMustBeClosed, start, length, Snippet(start, length));

        public void BadNumber(int start, int length) =>
            Add(DiagnosticCatalogue.FormulaNumberMustBeValid, start, length, Snippet(start, length));

        /// <summary>A '$' not followed by a name, with the digits that follow it, if any.</summary>
        public void BadVariableName(int start, int length) =>
            Add(DiagnosticCatalogue.FormulaVariableNameMustFollowDollar, start, length, Snippet(start, length));

        // The parser's problems, each on the token where the grammar broke.

        public void MissingSemicolon(Token next) =>
            Add(DiagnosticCatalogue.FormulaSyntaxMustBeValid, next.Start, next.Length, Describe(next));

        public void EmptyStatement(Token semicolon) =>
            Add(DiagnosticCatalogue.FormulaStatementMustNotBeEmpty, semicolon.Start, semicolon.Length);

        public void NoStatements(Token end) =>
            Add(DiagnosticCatalogue.FormulaMustHaveStatements, end.Start, end.Length);

        /// <summary>A second '=' after the assignment that starts at <paramref name="assignmentStart"/>.</summary>
        public void ChainedAssignment(Token equals, int assignmentStart) =>
            Add(DiagnosticCatalogue.FormulaAssignmentMustNotBeChained, equals.Start, equals.Length, SnippetUpTo(assignmentStart, equals.Start));

        public void AssignmentToExpression(Token equals, SyntaxNode left) =>
            Add(DiagnosticCatalogue.FormulaAssignmentTargetMustBeName, equals.Start, equals.Length, Snippet(left.Start, left.Length));

        public void MissingMemberName(Token found) =>
            Add(DiagnosticCatalogue.FormulaMemberNameMustFollowDot, found.Start, found.Length, Describe(found));

        /// <summary>No ')' for the call or parenthesis that starts at <paramref name="openedAt"/> (a call's name, or its '(').</summary>
        public void UnclosedParenthesis(int openedAt, Token found) =>
            Add(DiagnosticCatalogue.FormulaParenthesisMustBeClosed, found.Start, found.Length, SnippetUpTo(openedAt, found.Start), Describe(found));

        public void MissingColon(int conditionalStart, Token found) =>
            Add(DiagnosticCatalogue.FormulaConditionalMustHaveColon, found.Start, found.Length, SnippetUpTo(conditionalStart, found.Start), Describe(found));

        public void MissingValue(Token found) =>
            Add(DiagnosticCatalogue.FormulaValueMustBePresent, found.Start, found.Length, Describe(found));

        public void TooDeep(int start, int length, int maxDepth) =>
            Add(DiagnosticCatalogue.FormulaMustNotNestTooDeeply, start, length, Snippet(start, length), maxDepth.ToString(CultureInfo.InvariantCulture));

        /// <summary>How a token is named in messages: its text in quotes, or "the end of the formula".</summary>
        private string Describe(Token token) =>
            token.Kind == TokenKind.EndOfText ? "the end of the formula" : "'" + Snippet(token.Start, token.Length) + "'";

        /// <summary>The text from <paramref name="start"/> to just before <paramref name="end"/>, without the spaces before it.</summary>
        private string SnippetUpTo(int start, int end)
        {
            while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
            return Snippet(start, end - start);
        }

        /// <summary>A character as a message shows it: itself, or U+XXXX when it would be invisible or ambiguous.</summary>
        private static string DescribeCharacter(char c)
        {
            if (c < ' ' || c == '\u007f' || (c >= '\u0080' && c <= '\u00a0') || char.IsWhiteSpace(c) || char.IsSurrogate(c))
            {
                return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            }
            return c.ToString();
        }
    }
}
