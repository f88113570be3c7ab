using System.Collections.Generic;
using System.Globalization;

namespace ClusterlessHpc.AutoScale.Language.Syntax
{
    /// <summary>
    /// Recursive descent over the tokens, with C's precedence (docs/autoscale.md, "Grammar"): ?: (right), ||, &amp;&amp;,
    /// == !=, &lt; &lt;= &gt; &gt;=, + -, * /, unary - !, then member access and calls. Statements are separated by ';'
    /// (a newline is not a separator). After an error the rest of the statement is skipped, so each mistake is
    /// reported once; nesting deeper than <see cref="MaxDepth"/> is refused, so no walk of the tree can overflow the stack.
    /// </summary>
    internal sealed class Parser
    {
        public const int MaxDepth = 128;

        private readonly string _text;
        private readonly Token[] _tokens;
        private readonly DiagnosticBag _diagnostics;
        private int _position;
        private int _depth;
        private bool _statementFailed;

        private Parser(string text, Token[] tokens, DiagnosticBag diagnostics)
        {
            _text = text;
            _tokens = tokens;
            _diagnostics = diagnostics;
        }

        public static FormulaSyntax Parse(string text, DiagnosticBag diagnostics)
        {
            var tokens = Lexer.Tokenize(text, diagnostics);
            return new Parser(text, tokens, diagnostics).ParseFormula();
        }

        private Token Current => _tokens[_position];

        private Token Peek(int ahead) => _tokens[System.Math.Min(_position + ahead, _tokens.Length - 1)];

        private Token Advance()
        {
            var token = _tokens[_position];
            if (_position < _tokens.Length - 1) _position++;
            return token;
        }

        private FormulaSyntax ParseFormula()
        {
            var statements = new List<StatementSyntax>();
            while (Current.Kind != TokenKind.EndOfText)
            {
                if (Current.Kind == TokenKind.Semicolon)
                {
                    if (Fail(Current)) _diagnostics.EmptyStatement(Current);
                    Advance();
                    continue;
                }
                var before = _position;
                _statementFailed = false;
                _depth = 0;
                var statement = ParseStatement();
                statement.HasSyntaxErrors = _statementFailed;
                statements.Add(statement);
                if (Current.Kind == TokenKind.Semicolon)
                {
                    Advance();
                    continue;
                }
                if (Current.Kind == TokenKind.EndOfText) break;
                if (!_statementFailed)
                {
                    // The statement is complete and the token after it cannot continue it: the ';' is missing. When
                    // another statement begins there, it is parsed as usual; otherwise the rest up to ';' is skipped.
                    var nextBegins = _position > before && StartsStatement(Current.Kind);
                    if (Fail(Current)) _diagnostics.MissingSemicolon(Current);
                    if (nextBegins) continue;
                }
                statement.HasSyntaxErrors = true;
                SkipPastSemicolon(before);
            }
            if (statements.Count == 0 && !_diagnostics.HasErrors) _diagnostics.NoStatements(Current);
            return new FormulaSyntax(statements, _text.Length);
        }

        private void SkipPastSemicolon(int statementStart)
        {
            if (_position == statementStart) Advance();
            while (Current.Kind != TokenKind.Semicolon && Current.Kind != TokenKind.EndOfText) Advance();
            if (Current.Kind == TokenKind.Semicolon) Advance();
        }

        private static bool StartsStatement(TokenKind kind) =>
            kind == TokenKind.Identifier || kind == TokenKind.Number || kind == TokenKind.String ||
            kind == TokenKind.OpenParen || kind == TokenKind.Minus || kind == TokenKind.Bang;

        private StatementSyntax ParseStatement()
        {
            if (Current.Kind == TokenKind.Identifier && Peek(1).Kind == TokenKind.Equals)
            {
                var name = Advance();
                Advance();
                var value = ParseExpression();
                if (Current.Kind == TokenKind.Equals && !_statementFailed)
                {
                    if (Fail(Current)) _diagnostics.ChainedAssignment(Current, name.Start);
                }
                return new AssignmentStatementSyntax(name, name.Text(_text), value);
            }
            var expression = ParseExpression();
            if (Current.Kind == TokenKind.Equals && !_statementFailed)
            {
                if (Fail(Current)) _diagnostics.AssignmentToExpression(Current, expression);
            }
            return new ExpressionStatementSyntax(expression);
        }

        private ExpressionSyntax ParseExpression()
        {
            if (++_depth > MaxDepth)
            {
                var token = Current;
                TooDeep(token.Start, token.Length);
                _depth--;
                return new ErrorExpressionSyntax(token.Start, token.End);
            }
            var condition = ParseBinary(1);
            ExpressionSyntax result = condition;
            if (Current.Kind == TokenKind.Question && !_statementFailed)
            {
                Advance();
                var whenTrue = ParseExpression();
                if (Current.Kind == TokenKind.Colon) Advance();
                else if (!_statementFailed && Fail(Current)) _diagnostics.MissingColon(condition.Start, Current);
                var whenFalse = ParseExpression();
                result = Checked(new ConditionalSyntax(condition, whenTrue, whenFalse));
            }
            _depth--;
            return result;
        }

        private ExpressionSyntax ParseBinary(int minPrecedence)
        {
            var left = ParseUnary();
            while (!_statementFailed)
            {
                var op = Current;
                var precedence = Precedence(op.Kind);
                if (precedence == 0 || precedence < minPrecedence) break;
                Advance();
                var right = ParseBinary(precedence + 1);
                left = Checked(new BinarySyntax(left, op, right));
            }
            return left;
        }

        private static int Precedence(TokenKind kind)
        {
            switch (kind)
            {
                case TokenKind.BarBar: return 1;
                case TokenKind.AmpersandAmpersand: return 2;
                case TokenKind.EqualEqual:
                case TokenKind.BangEqual: return 3;
                case TokenKind.Less:
                case TokenKind.LessEqual:
                case TokenKind.Greater:
                case TokenKind.GreaterEqual: return 4;
                case TokenKind.Plus:
                case TokenKind.Minus: return 5;
                case TokenKind.Star:
                case TokenKind.Slash: return 6;
                default: return 0;
            }
        }

        private ExpressionSyntax ParseUnary()
        {
            if (Current.Kind == TokenKind.Minus || Current.Kind == TokenKind.Bang)
            {
                var op = Advance();
                if (++_depth > MaxDepth)
                {
                    TooDeep(op.Start, op.Length);
                    _depth--;
                    return new ErrorExpressionSyntax(op.Start, op.End);
                }
                var operand = ParseUnary();
                _depth--;
                return Checked(new UnarySyntax(op, operand));
            }
            return ParsePostfix();
        }

        private ExpressionSyntax ParsePostfix()
        {
            var expression = ParsePrimary();
            while (Current.Kind == TokenKind.Dot && !_statementFailed)
            {
                Advance();
                if (Current.Kind != TokenKind.Identifier || _text[Current.Start] == '$')
                {
                    if (Fail(Current)) _diagnostics.MissingMemberName(Current);
                    return new ErrorExpressionSyntax(expression.Start, Current.End);
                }
                var name = Advance();
                if (Current.Kind == TokenKind.OpenParen)
                {
                    var open = Advance();
                    var arguments = ParseArguments(out var height);
                    var close = Current;
                    ExpectCloseParen(name.Start);
                    expression = Checked(new MethodCallSyntax(expression, name, name.Text(_text), open.Start, arguments, close.End,
                        System.Math.Max(height, expression.Height) + 1));
                }
                else
                {
                    expression = Checked(new MemberAccessSyntax(expression, name, name.Text(_text)));
                }
            }
            return expression;
        }

        private ExpressionSyntax ParsePrimary()
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Number:
                    Advance();
                    return new NumberLiteralSyntax(token, double.Parse(token.Text(_text), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
                case TokenKind.String:
                    Advance();
                    return new StringLiteralSyntax(token, _text.Substring(token.Start + 1, token.Length - 2));
                case TokenKind.Identifier:
                    Advance();
                    if (Current.Kind == TokenKind.OpenParen)
                    {
                        var open = Advance();
                        var arguments = ParseArguments(out var height);
                        var close = Current;
                        ExpectCloseParen(token.Start);
                        return Checked(new CallSyntax(token, token.Text(_text), open.Start, arguments, close.End, height + 1));
                    }
                    return new NameSyntax(token, token.Text(_text));
                case TokenKind.OpenParen:
                {
                    Advance();
                    var inner = ParseExpression();
                    var close = Current;
                    ExpectCloseParen(token.Start);
                    return Checked(new ParenthesizedSyntax(token.Start, inner, close.End));
                }
                default:
                    if (!_statementFailed)
                    {
                        if (token.Kind == TokenKind.Bad) _statementFailed = true;
                        else if (Fail(token)) _diagnostics.MissingValue(token);
                    }
                    return new ErrorExpressionSyntax(token.Start, token.End);
            }
        }

        private IReadOnlyList<ExpressionSyntax> ParseArguments(out int height)
        {
            height = 0;
            if (Current.Kind == TokenKind.CloseParen) return System.Array.Empty<ExpressionSyntax>();
            var arguments = new List<ExpressionSyntax>(2);
            while (true)
            {
                var argument = ParseExpression();
                arguments.Add(argument);
                if (argument.Height > height) height = argument.Height;
                if (Current.Kind != TokenKind.Comma || _statementFailed) return arguments;
                Advance();
            }
        }

        /// <summary>Consumes the ')' of the call or parenthesis opened at <paramref name="openedAt"/>, or reports it missing.</summary>
        private void ExpectCloseParen(int openedAt)
        {
            if (Current.Kind == TokenKind.CloseParen)
            {
                Advance();
                return;
            }
            if (!_statementFailed && Fail(Current)) _diagnostics.UnclosedParenthesis(openedAt, Current);
        }

        private T Checked<T>(T node) where T : ExpressionSyntax
        {
            if (node.Height > MaxDepth && !_statementFailed) TooDeep(node.Start, node.Length);
            return node;
        }

        private void TooDeep(int start, int length)
        {
            if (_statementFailed) return;
            _statementFailed = true;
            _diagnostics.TooDeep(start, length, MaxDepth);
        }

        /// <summary>Marks the statement failed; true when the problem is to be reported at <paramref name="token"/>, false when the lexer already did.</summary>
        private bool Fail(Token token)
        {
            _statementFailed = true;
            return token.Kind != TokenKind.Bad;
        }
    }
}
