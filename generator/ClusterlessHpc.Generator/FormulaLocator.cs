using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ClusterlessHpc.AutoScale.Language;
using ClusterlessHpc.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClusterlessHpc.Generator
{
    /// <summary>
    /// Places diagnostics about an autoscale formula on the characters of source that hold it: inside the string
    /// literal (regular, verbatim or raw; escapes counted), or inside the literal of the constant the argument names,
    /// following concatenations of constants and literals across files. The literals are found and decoded once per
    /// formula, then each diagnostic is placed in constant time, so a formula with thousands of problems stays cheap.
    /// </summary>
    internal sealed class FormulaLocator
    {
        private const int MaxDepth = 32;

        private readonly IReadOnlyList<SyntaxToken> _tokens;
        private readonly ConcatenatedLiteralMap _map;

        private FormulaLocator(IReadOnlyList<SyntaxToken> tokens, ConcatenatedLiteralMap map)
        {
            _tokens = tokens;
            _map = map;
        }

        /// <summary>The locator for the formula written at <paramref name="argument"/>, or null when it is not made of literals this can follow.</summary>
        public static FormulaLocator? Create(Location argument, Compilation compilation, CancellationToken cancellationToken)
        {
            if (argument.SourceTree is not { } tree) return null;
            if (tree.GetRoot(cancellationToken).FindNode(argument.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression) return null;

            var tokens = new List<SyntaxToken>();
            if (!Collect(expression, compilation, tokens, 0, cancellationToken) || tokens.Count == 0) return null;
            if (!ConcatenatedLiteralMap.TryCreate(tokens.Select(t => t.Text).ToList(), out var map)) return null;
            return new FormulaLocator(tokens, map!);
        }

        /// <summary>The exact location of <paramref name="span"/>, or null when it falls outside every literal.</summary>
        public Location? Locate(FormulaSpan span)
        {
            var (part, start, length) = _map.MapSpan(span.Start, span.Length);
            if (part < 0) return null;
            var token = _tokens[part];
            return Location.Create(token.SyntaxTree!, new TextSpan(token.SpanStart + start, length));
        }

        private static bool Collect(ExpressionSyntax expression, Compilation compilation, List<SyntaxToken> tokens, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxDepth) return false;
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    tokens.Add(literal.Token);
                    return true;
                case ParenthesizedExpressionSyntax parenthesized:
                    return Collect(parenthesized.Expression, compilation, tokens, depth + 1, cancellationToken);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return Collect(binary.Left, compilation, tokens, depth + 1, cancellationToken) &&
                           Collect(binary.Right, compilation, tokens, depth + 1, cancellationToken);
                case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    return CollectConstant(expression, compilation, tokens, depth, cancellationToken);
                default:
                    return false;
            }
        }

        private static bool CollectConstant(ExpressionSyntax name, Compilation compilation, List<SyntaxToken> tokens, int depth, CancellationToken cancellationToken)
        {
            // Only pools whose formula is a named constant get here; following it to its declaration needs the
            // semantic model of the file that uses it.
#pragma warning disable RS1030
            var model = compilation.GetSemanticModel(name.SyntaxTree);
#pragma warning restore RS1030
            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            if (symbol is not (IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true })) return false;
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value })
                {
                    return Collect(value, compilation, tokens, depth + 1, cancellationToken);
                }
            }
            return false;
        }
    }
}
