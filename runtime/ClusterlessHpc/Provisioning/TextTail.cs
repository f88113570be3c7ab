using System;
using System.Linq;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// The end of a text as a failure report shows it: its last lines, CRLF read as LF and the trailing newlines dropped,
    /// so a start task's and a task's stderr.txt are cut the same way.
    /// </summary>
    internal static class TextTail
    {
        /// <summary>
        /// The last <paramref name="lines"/> lines of <paramref name="text"/>, joined with LF. With
        /// <paramref name="startsMidLine"/> (the text is the end of a longer file, read from a byte offset) its first line
        /// is only the end of one and is dropped.
        /// </summary>
        public static string LastLines(string text, int lines, bool startsMidLine = false)
        {
            ArgumentNullException.ThrowIfNull(text);
            var all = text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
            var whole = startsMidLine ? all.Skip(1).ToArray() : all;
            return string.Join("\n", whole.Skip(Math.Max(0, whole.Length - lines)));
        }
    }
}
