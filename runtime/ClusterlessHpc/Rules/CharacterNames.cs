using System.Globalization;

namespace ClusterlessHpc.Rules
{
    /// <summary>Shows a character in a message so that invisible ones (newline, tab, NUL) are still readable.</summary>
    internal static class CharacterNames
    {
        public static string Describe(char c) => c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            ' ' => "space",
            _ when char.IsControl(c) || char.IsWhiteSpace(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            _ => c.ToString(),
        };
    }
}
