using System.Collections.Generic;
using System.Text;

namespace ClusterlessHpc.Emulator.StartTasks
{
    /// <summary>
    /// Splits a start task's command line into arguments the way a POSIX shell splits words and removes quotes, but
    /// with no expansion of any kind, because Batch runs the command line without a shell.
    /// <list type="bullet">
    /// <item>Unquoted spaces, tabs and newlines separate arguments.</item>
    /// <item><c>'...'</c> keeps everything literally, backslashes included.</item>
    /// <item><c>"..."</c> keeps everything, except that a backslash escapes <c>$</c>, <c>`</c>, <c>"</c>, <c>\</c>
    /// (and a backslash-newline disappears); before any other character the backslash stays.</item>
    /// <item>Outside quotes a backslash makes the next character literal (a backslash-newline disappears).</item>
    /// <item><c>''</c> and <c>""</c> make an empty argument; an unclosed quote makes the line unsplittable.</item>
    /// </list>
    /// </summary>
    internal static class CommandLineSplitter
    {
        public static bool TrySplit(string commandLine, out IReadOnlyList<string> arguments)
        {
            var result = new List<string>();
            var current = new StringBuilder();
            var inWord = false;
            arguments = result;

            for (var i = 0; i < commandLine.Length; i++)
            {
                var c = commandLine[i];
                switch (c)
                {
                    case ' ' or '\t' or '\n':
                        if (inWord) result.Add(current.ToString());
                        current.Clear();
                        inWord = false;
                        break;

                    case '\'':
                        var close = commandLine.IndexOf('\'', i + 1);
                        if (close < 0) return false;
                        current.Append(commandLine, i + 1, close - i - 1);
                        inWord = true;
                        i = close;
                        break;

                    case '"':
                        if (!TryReadDoubleQuoted(commandLine, ref i, current)) return false;
                        inWord = true;
                        break;

                    case '\\':
                        if (i + 1 < commandLine.Length)
                        {
                            i++;
                            if (commandLine[i] == '\n') break;
                            current.Append(commandLine[i]);
                        }
                        else
                        {
                            current.Append(c);
                        }
                        inWord = true;
                        break;

                    default:
                        current.Append(c);
                        inWord = true;
                        break;
                }
            }
            if (inWord) result.Add(current.ToString());
            return true;
        }

        /// <summary>Reads from the opening quote at <paramref name="i"/> and leaves <paramref name="i"/> on the closing one.</summary>
        private static bool TryReadDoubleQuoted(string text, ref int i, StringBuilder current)
        {
            for (i++; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"') return true;
                if (c == '\\' && i + 1 < text.Length && text[i + 1] is '$' or '`' or '"' or '\\' or '\n')
                {
                    i++;
                    if (text[i] != '\n') current.Append(text[i]);
                    continue;
                }
                current.Append(c);
            }
            return false;
        }
    }
}
