using System.Globalization;
using System.Text;

namespace ClusterlessHpc.Scripts
{
    /// <summary>Julia string literals for values written into the Julia program the startup script runs.</summary>
    internal static class JuliaLiterals
    {
        /// <summary>A double-quoted Julia string whose value is exactly <paramref name="value"/> (no interpolation).</summary>
        public static string String(string value)
        {
            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '\\': builder.Append("\\\\"); break;
                    case '"': builder.Append("\\\""); break;
                    case '$': builder.Append("\\$"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (char.IsControl(c)) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else builder.Append(c);
                        break;
                }
            }
            builder.Append('"');
            return builder.ToString();
        }
    }
}
