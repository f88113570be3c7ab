using System.Text;

namespace ClusterlessHpc.Scripts
{
    /// <summary>
    /// The one way a value reaches a bash script: as a single-quoted word, in which bash interprets nothing.
    /// Every declared value the renderer writes goes through <see cref="Quote"/> or <see cref="Comment"/>.
    /// </summary>
    internal static class ShellQuoting
    {
        /// <summary>
        /// Quotes <paramref name="value"/> as one bash word. Inside single quotes only <c>'</c> itself is special,
        /// and it is written as <c>'\''</c> (close, escaped quote, reopen).
        /// </summary>
        public static string Quote(string value)
        {
            var builder = new StringBuilder(value.Length + 2);
            builder.Append('\'');
            foreach (var c in value)
            {
                if (c == '\'') builder.Append("'\\''");
                else builder.Append(c);
            }
            builder.Append('\'');
            return builder.ToString();
        }

        /// <summary>
        /// Text safe to place after <c>#</c> on one line: control characters (a newline would end the comment
        /// and start a command) are shown escaped instead.
        /// </summary>
        public static string Comment(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                if (char.IsControl(c) || c == '\u2028' || c == '\u2029') builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                else builder.Append(c);
            }
            return builder.ToString();
        }
    }
}
