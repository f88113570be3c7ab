using System;
using System.Collections.Generic;
using System.Text;

namespace ClusterlessHpc.Legacy
{
    /// <summary>
    /// One command of a bash script as <see cref="ShellCommandReader"/> read it: its text as written (all its lines, when
    /// quotes, a block, a here-document or a trailing backslash carry it over several) and, for a simple command, its words.
    /// </summary>
    internal sealed class ShellCommand
    {
        public ShellCommand(int line, string text, IReadOnlyList<string>? words, string? notSimple, string? broken)
        {
            Line = line;
            Text = text;
            Words = words;
            NotSimple = notSimple;
            Broken = broken;
        }

        /// <summary>The 1-based line the command starts on.</summary>
        public int Line { get; }

        /// <summary>The command as written, without the line break that ends it.</summary>
        public string Text { get; }

        /// <summary>
        /// The words after quote removal, for a simple command: one command with literal words only (no expansion,
        /// operator, redirection, glob or block). <c>null</c> otherwise, with the reason in <see cref="NotSimple"/>.
        /// </summary>
        public IReadOnlyList<string>? Words { get; }

        public string? NotSimple { get; }

        /// <summary>Why the text is not a complete bash command on its own (an unterminated quote or block), or null.</summary>
        public string? Broken { get; }
    }

    /// <summary>
    /// Splits a bash script into commands and the words of its simple commands, the way bash groups them, without
    /// running or expanding anything: quotes are removed, while anything bash would expand or interpret (a <c>$</c>, a
    /// backquote, <c>;</c>, <c>|</c>, a redirection, a glob) only marks the command as not simple. Never throws.
    /// </summary>
    internal static class ShellCommandReader
    {
        private static readonly HashSet<string> Openers = new(StringComparer.Ordinal) { "if", "for", "while", "until", "case", "select", "{" };
        private static readonly Dictionary<string, string> Closers = new(StringComparer.Ordinal)
        {
            ["fi"] = "if", ["done"] = "for while until select", ["esac"] = "case", ["}"] = "{",
        };
        // After these, the next word starts a command again (so it may be a keyword).
        private static readonly HashSet<string> Continuations = new(StringComparer.Ordinal) { "then", "do", "else", "elif", "!", "time" };

        public static IReadOnlyList<ShellCommand> Read(string script)
        {
            var reader = new State(script ?? "");
            reader.Run();
            return reader.Commands;
        }

        private sealed class State
        {
            private readonly string _s;
            private readonly List<ShellCommand> _commands = new();
            private readonly List<string> _words = new();
            private readonly StringBuilder _word = new();
            private readonly Stack<string> _blocks = new();
            private readonly List<(string Delimiter, bool StripTabs)> _hereDocuments = new();
            private int _start;
            private int _startLine = 1;
            private int _line = 1;
            private int _parens;
            private bool _wordStarted;
            private bool _wordQuoted;
            private bool _commandPosition = true;
            private string? _notSimple;
            private string? _broken;

            public State(string script) => _s = script;

            public List<ShellCommand> Commands => _commands;

            public void Run()
            {
                var i = 0;
                while (i < _s.Length)
                {
                    var c = _s[i];
                    switch (c)
                    {
                        case '\'':
                            i = SingleQuoted(i + 1);
                            continue;
                        case '"':
                            i = DoubleQuoted(i + 1);
                            continue;
                        case '\\':
                            if (i + 1 < _s.Length && _s[i + 1] == '\n')
                            {
                                _line++;
                                i += 2;
                                continue;
                            }
                            if (i + 1 < _s.Length) _word.Append(_s[i + 1]);
                            _wordStarted = true;
                            _wordQuoted = true;
                            i += 2;
                            continue;
                        case ' ':
                        case '\t':
                            EndWord();
                            break;
                        case '#' when !_wordStarted:
                            while (i < _s.Length && _s[i] != '\n') i++;
                            continue;
                        case '\n':
                        {
                            EndWord();
                            _line++;
                            // A here-document's body belongs to the command that opened it; the command ends after it.
                            var next = _hereDocuments.Count > 0 ? HereDocuments(i + 1) : i + 1;
                            var end = next > 0 && _s[next - 1] == '\n' ? next - 1 : next;
                            // A broken command ends with its line, so it cannot swallow the rest of the script.
                            if (_blocks.Count == 0 && _parens == 0 || _broken is not null) Finish(end);
                            else _commandPosition = true;
                            i = next;
                            continue;
                        }
                        case ';':
                        case '&':
                        case '|':
                            EndWord();
                            NotSimple($"'{c}' joins commands");
                            _commandPosition = true;
                            break;
                        case '<':
                        case '>':
                            EndWord();
                            NotSimple("it redirects input or output");
                            if (c == '<' && i + 1 < _s.Length && _s[i + 1] == '<' && (i + 2 >= _s.Length || _s[i + 2] != '<'))
                            {
                                i = HereDocumentStart(i + 2);
                                continue;
                            }
                            break;
                        case '(':
                            EndWord();
                            NotSimple("it runs a subshell or defines a function");
                            _parens++;
                            _commandPosition = true;
                            break;
                        case ')':
                            EndWord();
                            NotSimple("it runs a subshell or defines a function");
                            // A case pattern ends with ')' without opening one.
                            if (_blocks.Count > 0 && _blocks.Peek() == "case" && _parens == 0) break;
                            if (_parens == 0) Break("a ')' closes nothing");
                            else _parens--;
                            _commandPosition = true;
                            break;
                        case '$':
                        case '`':
                            NotSimple("bash would expand '" + c + "'");
                            Append(c);
                            break;
                        case '*':
                        case '?':
                        case '[':
                            NotSimple("bash would expand the pattern '" + c + "'");
                            Append(c);
                            break;
                        case '~' when !_wordStarted:
                            NotSimple("bash would expand '~'");
                            Append(c);
                            break;
                        case '\0':
                            Break("it holds a NUL character");
                            break;
                        default:
                            Append(c);
                            break;
                    }
                    i++;
                }
                EndWord();
                if (_hereDocuments.Count > 0) Break("a here-document has no end line");
                if (_blocks.Count > 0) Break($"'{_blocks.Peek()}' has no matching end");
                if (_parens > 0) Break("a '(' is not closed");
                Finish(_s.Length);
            }

            private void Append(char c)
            {
                _word.Append(c);
                _wordStarted = true;
            }

            private int SingleQuoted(int i)
            {
                _wordStarted = true;
                _wordQuoted = true;
                while (i < _s.Length && _s[i] != '\'')
                {
                    if (_s[i] == '\n') _line++;
                    if (_s[i] == '\0') Break("it holds a NUL character");
                    _word.Append(_s[i++]);
                }
                if (i >= _s.Length) Break("a single quote is not closed");
                return i + 1;
            }

            private int DoubleQuoted(int i)
            {
                _wordStarted = true;
                _wordQuoted = true;
                while (i < _s.Length && _s[i] != '"')
                {
                    var c = _s[i];
                    if (c == '\\' && i + 1 < _s.Length && _s[i + 1] is '$' or '`' or '"' or '\\' or '\n')
                    {
                        if (_s[i + 1] == '\n') _line++;
                        else _word.Append(_s[i + 1]);
                        i += 2;
                        continue;
                    }
                    if (c is '$' or '`') NotSimple("bash would expand '" + c + "' inside double quotes");
                    if (c == '\n') _line++;
                    if (c == '\0') Break("it holds a NUL character");
                    _word.Append(c);
                    i++;
                }
                if (i >= _s.Length) Break("a double quote is not closed");
                return i + 1;
            }

            // "<<WORD" or "<<-WORD": the body starts on the next line and ends at a line that is WORD alone.
            private int HereDocumentStart(int i)
            {
                var stripTabs = i < _s.Length && _s[i] == '-';
                if (stripTabs) i++;
                while (i < _s.Length && _s[i] is ' ' or '\t') i++;
                var delimiter = new StringBuilder();
                while (i < _s.Length && _s[i] is not (' ' or '\t' or '\n' or ';' or '&' or '|' or '<' or '>' or '(' or ')'))
                {
                    if (_s[i] is not ('\'' or '"' or '\\')) delimiter.Append(_s[i]);
                    i++;
                }
                if (delimiter.Length == 0) Break("'<<' has no delimiter word");
                else _hereDocuments.Add((delimiter.ToString(), stripTabs));
                return i;
            }

            private int HereDocuments(int i)
            {
                foreach (var (delimiter, stripTabs) in _hereDocuments)
                {
                    var found = false;
                    while (i < _s.Length)
                    {
                        var end = _s.IndexOf('\n', i);
                        if (end < 0) end = _s.Length;
                        var line = _s.Substring(i, end - i);
                        if (stripTabs) line = line.TrimStart('\t');
                        i = Math.Min(end + 1, _s.Length);
                        if (end < _s.Length) _line++;
                        if (line == delimiter)
                        {
                            found = true;
                            break;
                        }
                    }
                    if (!found) Break("a here-document has no end line");
                }
                _hereDocuments.Clear();
                return i;
            }

            private void EndWord()
            {
                if (!_wordStarted) return;
                var word = _word.ToString();
                _word.Clear();
                _wordStarted = false;
                var keyword = !_wordQuoted && _commandPosition;
                _wordQuoted = false;
                _words.Add(word);
                _commandPosition = false;
                if (!keyword) return;

                if (Openers.Contains(word))
                {
                    _blocks.Push(word);
                    NotSimple($"it is a '{word}' block");
                    // "if", "while", "until" and "{" are followed by a command; "for", "case" and "select" by a name.
                    _commandPosition = word is "if" or "while" or "until" or "{";
                }
                else if (Closers.TryGetValue(word, out var opens))
                {
                    NotSimple($"it is part of a block ('{word}')");
                    if (_blocks.Count == 0 || Array.IndexOf(opens.Split(' '), _blocks.Peek()) < 0) Break($"'{word}' ends a block that was not opened");
                    else _blocks.Pop();
                }
                else if (Continuations.Contains(word))
                {
                    if (_blocks.Count == 0 && word is "then" or "do" or "else" or "elif") Break($"'{word}' is outside the block it belongs to");
                    _commandPosition = true;
                }
            }

            private void NotSimple(string reason) => _notSimple ??= reason;

            private void Break(string reason) => _broken ??= reason;

            private void Finish(int end)
            {
                var text = _s.Substring(_start, end - _start);
                if (_words.Count > 0 || _broken is not null)
                {
                    var simple = _notSimple is null && _broken is null;
                    _commands.Add(new ShellCommand(_startLine, text.TrimEnd(), simple ? _words.ToArray() : null, simple ? null : _notSimple ?? _broken, _broken));
                }
                _words.Clear();
                _blocks.Clear();
                _parens = 0;
                _notSimple = null;
                _broken = null;
                _commandPosition = true;
                _start = Math.Min(end + 1, _s.Length);
                _startLine = _line;
            }
        }
    }
}
