using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterlessHpc.Emulator.Errors;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary>
    /// The <c>$filter</c> forms the emulator understands, evaluated against the JSON an item is returned as:
    /// <list type="bullet">
    /// <item>comparisons <c>property eq|ne|gt|ge|lt|le value</c>, where the property may be a path
    /// (<c>imageReference/publisher</c>) and the value a <c>'string'</c> (<c>''</c> escapes a quote), a number,
    /// <c>true</c>, <c>false</c> or <c>null</c>; strings compare ignoring case, as Batch ids and states do;</item>
    /// <item><c>startswith(property,'prefix')</c> and <c>endswith(property,'suffix')</c>;</item>
    /// <item><c>and</c>, <c>or</c>, <c>not</c> and parentheses.</item>
    /// </list>
    /// Anything else, or a property the item does not have, is <c>InvalidQueryParameterValue</c>.
    /// </summary>
    internal sealed class ODataFilter
    {
        private readonly Func<JsonObject, bool> _predicate;

        private ODataFilter(Func<JsonObject, bool> predicate) => _predicate = predicate;

        public bool Matches(JsonObject item) => _predicate(item);

        /// <param name="text">The filter.</param>
        /// <param name="properties">The top-level property names items may be filtered on.</param>
        public static ODataFilter? Parse(string? text, IReadOnlySet<string> properties)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var parser = new Parser(text, properties);
            var predicate = parser.ParseExpression();
            parser.ExpectEnd();
            return new ODataFilter(predicate);
        }

        private sealed class Parser
        {
            private static readonly string[] Comparisons = ["eq", "ne", "gt", "ge", "lt", "le"];

            private readonly string _text;
            private readonly IReadOnlySet<string> _properties;
            private int _position;

            public Parser(string text, IReadOnlySet<string> properties)
            {
                _text = text;
                _properties = properties;
            }

            public Func<JsonObject, bool> ParseExpression()
            {
                var left = ParseAnd();
                while (TryKeyword("or"))
                {
                    var l = left;
                    var r = ParseAnd();
                    left = item => l(item) || r(item);
                }
                return left;
            }

            public void ExpectEnd()
            {
                SkipSpaces();
                if (_position < _text.Length) throw Invalid($"unexpected '{_text[_position..]}'");
            }

            private Func<JsonObject, bool> ParseAnd()
            {
                var left = ParseUnary();
                while (TryKeyword("and"))
                {
                    var l = left;
                    var r = ParseUnary();
                    left = item => l(item) && r(item);
                }
                return left;
            }

            private Func<JsonObject, bool> ParseUnary()
            {
                if (TryKeyword("not"))
                {
                    var inner = ParseUnary();
                    return item => !inner(item);
                }
                SkipSpaces();
                if (TryChar('('))
                {
                    var inner = ParseExpression();
                    Expect(')');
                    return inner;
                }
                var name = ReadIdentifier();
                if (name is "startswith" or "endswith")
                {
                    Expect('(');
                    var path = ReadPath(ReadIdentifier());
                    Expect(',');
                    var literal = ReadLiteral();
                    Expect(')');
                    if (literal is not string affix) throw Invalid($"{name} needs a string");
                    return item => Value(item, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String &&
                                   (name == "startswith"
                                       ? value.GetValue<string>().StartsWith(affix, StringComparison.OrdinalIgnoreCase)
                                       : value.GetValue<string>().EndsWith(affix, StringComparison.OrdinalIgnoreCase));
                }
                var property = ReadPath(name);
                var op = ReadIdentifier();
                if (!Comparisons.Contains(op)) throw Invalid($"'{op}' is not a comparison (eq, ne, gt, ge, lt, le)");
                var operand = ReadLiteral();
                return item => Compare(Value(item, property), op, operand);
            }

            private string[] ReadPath(string first)
            {
                if (!_properties.Contains(first)) throw Invalid($"'{first}' is not a property that can be filtered on");
                var path = new List<string> { first };
                while (TryChar('/')) path.Add(ReadIdentifier());
                return path.ToArray();
            }

            private object? ReadLiteral()
            {
                SkipSpaces();
                if (TryChar('\''))
                {
                    var value = new System.Text.StringBuilder();
                    while (true)
                    {
                        if (_position >= _text.Length) throw Invalid("a string is not closed");
                        var c = _text[_position++];
                        if (c != '\'') value.Append(c);
                        else if (_position < _text.Length && _text[_position] == '\'') value.Append(_text[_position++]);
                        else return value.ToString();
                    }
                }
                var word = ReadIdentifier(allowNumber: true);
                return word switch
                {
                    "true" => true,
                    "false" => false,
                    "null" => null,
                    _ when decimal.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
                    _ => throw Invalid($"'{word}' is not a value"),
                };
            }

            private static JsonNode? Value(JsonObject item, string[] path)
            {
                JsonNode? node = item;
                foreach (var segment in path) node = node is JsonObject obj ? obj[segment] : null;
                return node;
            }

            private static bool Compare(JsonNode? actual, string op, object? expected)
            {
                int? order = (actual, expected) switch
                {
                    (null, null) => 0,
                    (null, _) or (_, null) => null,
                    (JsonValue v, string s) when v.GetValueKind() == JsonValueKind.String => string.Compare(v.GetValue<string>(), s, StringComparison.OrdinalIgnoreCase),
                    // A number may be held as any CLR numeric type (views build some values by hand), so it is read from its JSON text.
                    (JsonValue v, decimal d) when v.GetValueKind() == JsonValueKind.Number => decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).CompareTo(d),
                    (JsonValue v, bool b) when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>().CompareTo(b),
                    _ => null,
                };
                return op switch
                {
                    "eq" => order == 0,
                    "ne" => order != 0,
                    "gt" => order > 0,
                    "ge" => order >= 0,
                    "lt" => order < 0,
                    _ => order <= 0,
                };
            }

            private string ReadIdentifier(bool allowNumber = false)
            {
                SkipSpaces();
                var start = _position;
                while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' ||
                                                    (allowNumber && _text[_position] is '.' or '-' or '+')))
                {
                    _position++;
                }
                if (start == _position) throw Invalid(_position < _text.Length ? $"unexpected '{_text[_position]}'" : "it ends too early");
                return _text[start.._position];
            }

            private bool TryKeyword(string keyword)
            {
                SkipSpaces();
                var end = _position + keyword.Length;
                if (end > _text.Length || string.Compare(_text, _position, keyword, 0, keyword.Length, StringComparison.Ordinal) != 0) return false;
                if (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] == '_')) return false;
                _position = end;
                return true;
            }

            private bool TryChar(char c)
            {
                SkipSpaces();
                if (_position >= _text.Length || _text[_position] != c) return false;
                _position++;
                return true;
            }

            private void Expect(char c)
            {
                if (!TryChar(c)) throw Invalid($"'{c}' expected");
            }

            private void SkipSpaces()
            {
                while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
            }

            private EmulatorException Invalid(string reason) =>
                BatchErrors.InvalidQueryParameterValue("$filter", _text, $"The filter is not one the emulator supports: {reason}.");
        }
    }
}
