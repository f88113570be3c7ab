using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ClusterlessHpc.Rules.Toml
{
    /// <summary>
    /// Reads the part of TOML that Julia's <c>Project.toml</c> and <c>Manifest.toml</c> use: tables (<c>[a.b]</c>),
    /// arrays of tables (<c>[[deps.X]]</c>), dotted and quoted keys, basic and literal strings, integers, booleans,
    /// arrays, inline tables and comments. Anything else (floats, dates, multi-line strings) is reported with its line and
    /// column, never guessed at. It runs inside the analyzer (netstandard2.0) and at run time, so it reads text only.
    /// Tables are <see cref="Dictionary{TKey,TValue}"/> of string to value; arrays (and arrays of tables) are
    /// <see cref="List{T}"/> of values; values are <see cref="string"/>, <see cref="long"/> or <see cref="bool"/>.
    /// </summary>
    internal sealed class TomlDocument
    {
        private readonly string _text;
        private int _position;
        private int _line = 1;
        private int _lineStart;
        // Tables made by a [header] (may not be declared twice) and arrays made by [[header]] (may be appended to).
        private readonly HashSet<object> _declaredTables = new(IdentityComparer.Instance);
        private readonly HashSet<object> _tableArrays = new(IdentityComparer.Instance);
        private readonly HashSet<object> _frozen = new(IdentityComparer.Instance);

        private TomlDocument(string text) => _text = text;

        /// <summary>The root table, or null with <paramref name="error"/> saying what and where.</summary>
        public static Dictionary<string, object>? Parse(string text, out TomlError? error)
        {
            var reader = new TomlDocument(text);
            try
            {
                error = null;
                return reader.ParseDocument();
            }
            catch (TomlFailure failure)
            {
                error = failure.Error;
                return null;
            }
        }

        private Dictionary<string, object> ParseDocument()
        {
            var root = new Dictionary<string, object>(StringComparer.Ordinal);
            var current = root;
            if (_text.Length > 0 && _text[0] == '\uFEFF') _position = 1;
            while (true)
            {
                SkipWhitespace();
                if (AtEnd) return root;
                var c = _text[_position];
                if (c == '#') SkipComment();
                else if (c == '\r' || c == '\n') NewLine();
                else if (c == '[') current = ParseHeader(root);
                else
                {
                    ParseKeyValue(current);
                    EndOfLine();
                }
            }
        }

        private Dictionary<string, object> ParseHeader(Dictionary<string, object> root)
        {
            var column = Column;
            var array = Peek(1) == '[';
            _position += array ? 2 : 1;
            SkipWhitespace();
            var keys = ParseKey();
            SkipWhitespace();
            Expect(']');
            if (array) Expect(']');
            EndOfLine();

            var table = root;
            for (var i = 0; i < keys.Count - 1; i++) table = Descend(table, keys[i], column);
            var last = keys[keys.Count - 1];
            if (array)
            {
                if (!table.TryGetValue(last, out var existing))
                {
                    existing = new List<object>();
                    _tableArrays.Add(existing);
                    table[last] = existing;
                }
                if (existing is not List<object> list || !_tableArrays.Contains(list))
                {
                    throw Fail($"'{Join(keys)}' is already a value, not an array of tables", column);
                }
                var item = NewTable();
                list.Add(item);
                return item;
            }
            if (table.TryGetValue(last, out var found))
            {
                if (found is Dictionary<string, object> declared && !_declaredTables.Contains(declared) && !_frozen.Contains(declared))
                {
                    _declaredTables.Add(declared);
                    return declared;
                }
                throw Fail($"table '{Join(keys)}' is declared twice", column);
            }
            var created = NewTable();
            _declaredTables.Add(created);
            table[last] = created;
            return created;
        }

        /// <summary>The table at <paramref name="key"/> of <paramref name="table"/> (the last table of an array of tables), made when missing.</summary>
        private Dictionary<string, object> Descend(Dictionary<string, object> table, string key, int column)
        {
            if (!table.TryGetValue(key, out var value))
            {
                var created = NewTable();
                table[key] = created;
                return created;
            }
            if (value is Dictionary<string, object> child && !_frozen.Contains(child)) return child;
            if (value is List<object> list && _tableArrays.Contains(list) && list.Count > 0) return (Dictionary<string, object>)list[list.Count - 1];
            throw Fail($"'{key}' is already a value, not a table", column);
        }

        private void ParseKeyValue(Dictionary<string, object> table)
        {
            var column = Column;
            var keys = ParseKey();
            SkipWhitespace();
            Expect('=');
            SkipWhitespace();
            var value = ParseValue();
            for (var i = 0; i < keys.Count - 1; i++) table = Descend(table, keys[i], column);
            var last = keys[keys.Count - 1];
            if (table.ContainsKey(last)) throw Fail($"key '{Join(keys)}' is defined twice", column);
            table[last] = value;
        }

        private List<string> ParseKey()
        {
            var keys = new List<string>();
            while (true)
            {
                SkipWhitespace();
                if (AtEnd) throw Fail("a key is missing");
                var c = _text[_position];
                if (c == '"') keys.Add(ParseBasicString());
                else if (c == '\'') keys.Add(ParseLiteralString());
                else
                {
                    var start = _position;
                    while (!AtEnd && IsBareKeyChar(_text[_position])) _position++;
                    if (_position == start) throw Fail($"'{Describe(c)}' cannot start a key");
                    keys.Add(_text.Substring(start, _position - start));
                }
                SkipWhitespace();
                if (AtEnd || _text[_position] != '.') return keys;
                _position++;
            }
        }

        private object ParseValue()
        {
            if (AtEnd) throw Fail("a value is missing");
            var c = _text[_position];
            switch (c)
            {
                case '"':
                    if (Peek(1) == '"' && Peek(2) == '"') throw Fail("multi-line strings (\"\"\") are not supported here; Julia's Project.toml and Manifest.toml do not use them");
                    return ParseBasicString();
                case '\'':
                    if (Peek(1) == '\'' && Peek(2) == '\'') throw Fail("multi-line literal strings (''') are not supported here; Julia's Project.toml and Manifest.toml do not use them");
                    return ParseLiteralString();
                case '[':
                    return ParseArray();
                case '{':
                    return ParseInlineTable();
            }
            var start = _position;
            while (!AtEnd && !IsValueEnd(_text[_position])) _position++;
            var word = _text.Substring(start, _position - start);
            if (word == "true") return true;
            if (word == "false") return false;
            if (IsInteger(word, out var number)) return number;
            _position = start;
            throw Fail(word.Length == 0
                ? $"'{Describe(c)}' cannot start a value"
                : $"'{word}' is not a value this reader supports (a string, an integer, true, false, an array or an inline table); floats and dates are not used by Julia's Project.toml and Manifest.toml");
        }

        private List<object> ParseArray()
        {
            _position++;
            var items = new List<object>();
            while (true)
            {
                SkipBlank();
                if (AtEnd) throw Fail("the array is not closed with ']'");
                if (_text[_position] == ']')
                {
                    _position++;
                    return items;
                }
                items.Add(ParseValue());
                SkipBlank();
                if (AtEnd) throw Fail("the array is not closed with ']'");
                if (_text[_position] == ',') _position++;
                else if (_text[_position] != ']') throw Fail($"expected ',' or ']' in the array, found '{Describe(_text[_position])}'");
            }
        }

        private Dictionary<string, object> ParseInlineTable()
        {
            _position++;
            var table = NewTable();
            SkipWhitespace();
            if (!AtEnd && _text[_position] == '}')
            {
                _position++;
                _frozen.Add(table);
                return table;
            }
            while (true)
            {
                ParseKeyValue(table);
                SkipWhitespace();
                if (AtEnd) throw Fail("the inline table is not closed with '}'");
                var c = _text[_position++];
                if (c == '}')
                {
                    _frozen.Add(table);
                    return table;
                }
                if (c != ',') throw Fail($"expected ',' or '}}' in the inline table, found '{Describe(c)}'", Column - 1);
            }
        }

        private string ParseBasicString()
        {
            var column = Column;
            _position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd || _text[_position] == '\n') throw Fail("the string is not closed with '\"'", column);
                var c = _text[_position++];
                if (c == '"') return builder.ToString();
                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }
                if (AtEnd) throw Fail("the string is not closed with '\"'", column);
                var escape = _text[_position++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case 'b': builder.Append('\b'); break;
                    case 't': builder.Append('\t'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'u': builder.Append(Unicode(4)); break;
                    case 'U': builder.Append(Unicode(8)); break;
                    default: throw Fail($"'\\{Describe(escape)}' is not a TOML escape", Column - 2);
                }
            }
        }

        private string Unicode(int digits)
        {
            if (_position + digits > _text.Length ||
                !int.TryParse(_text.Substring(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) ||
                code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
            {
                throw Fail($"a \\{(digits == 4 ? 'u' : 'U')} escape needs {digits} hex digits of a Unicode scalar value", Column - 2);
            }
            _position += digits;
            return char.ConvertFromUtf32(code);
        }

        private string ParseLiteralString()
        {
            var column = Column;
            var start = ++_position;
            while (!AtEnd && _text[_position] != '\'' && _text[_position] != '\n') _position++;
            if (AtEnd || _text[_position] == '\n') throw Fail("the string is not closed with \"'\"", column);
            return _text.Substring(start, _position++ - start);
        }

        private static bool IsInteger(string word, out long value)
        {
            value = 0;
            var digits = word.Replace("_", "");
            if (digits.Length == 0 || word.StartsWith("_", StringComparison.Ordinal) || word.EndsWith("_", StringComparison.Ordinal) || word.Contains("__")) return false;
            var body = digits[0] is '+' or '-' ? digits.Substring(1) : digits;
            if (body.Length == 0 || (body.Length > 1 && body[0] == '0')) return false;
            foreach (var c in body)
            {
                if (c is < '0' or > '9') return false;
            }
            return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        private void EndOfLine()
        {
            SkipWhitespace();
            if (AtEnd) return;
            var c = _text[_position];
            if (c == '#') SkipComment();
            else if (c is '\r' or '\n') NewLine();
            else throw Fail($"expected the end of the line, found '{Describe(c)}'");
        }

        private void NewLine()
        {
            if (_text[_position] == '\r')
            {
                if (Peek(1) != '\n') throw Fail("a carriage return must be followed by a line feed");
                _position++;
            }
            _position++;
            _line++;
            _lineStart = _position;
        }

        private void SkipComment()
        {
            while (!AtEnd && _text[_position] != '\n' && _text[_position] != '\r') _position++;
        }

        private void SkipWhitespace()
        {
            while (!AtEnd && (_text[_position] == ' ' || _text[_position] == '\t')) _position++;
        }

        /// <summary>Whitespace, newlines and comments, which arrays may hold between items.</summary>
        private void SkipBlank()
        {
            while (!AtEnd)
            {
                var c = _text[_position];
                if (c is ' ' or '\t') _position++;
                else if (c is '\r' or '\n') NewLine();
                else if (c == '#') SkipComment();
                else return;
            }
        }

        private void Expect(char expected)
        {
            if (AtEnd) throw Fail($"expected '{expected}', found the end of the file");
            if (_text[_position] != expected) throw Fail($"expected '{expected}', found '{Describe(_text[_position])}'");
            _position++;
        }

        private Dictionary<string, object> NewTable() => new(StringComparer.Ordinal);

        private bool AtEnd => _position >= _text.Length;

        private int Column => _position - _lineStart + 1;

        private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

        private static bool IsBareKeyChar(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-';

        private static bool IsValueEnd(char c) => c is ' ' or '\t' or '\r' or '\n' or ',' or ']' or '}' or '#';

        private static string Join(List<string> keys) => string.Join(".", keys);

        private static string Describe(char c) => CharacterNames.Describe(c);

        private TomlFailure Fail(string message, int? column = null) => new(new TomlError(_line, column ?? Column, message));

        private sealed class TomlFailure : Exception
        {
            public TomlFailure(TomlError error) => Error = error;

            public TomlError Error { get; }
        }

        private sealed class IdentityComparer : IEqualityComparer<object>
        {
            public static readonly IdentityComparer Instance = new();

            public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

            public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }

    /// <summary>Where a TOML text stops being readable (1-based line and column) and why.</summary>
    internal sealed class TomlError
    {
        public TomlError(int line, int column, string message)
        {
            Line = line;
            Column = column;
            Message = message;
        }

        public int Line { get; }

        public int Column { get; }

        public string Message { get; }
    }
}
