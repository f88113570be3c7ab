using System;
using System.Globalization;

namespace ClusterlessHpc.Rules
{
    /// <summary>
    /// A duration written in an attribute: <c>hh:mm:ss</c> as TimeSpan writes it (<c>01:30:00</c>, <c>1.06:00:00</c>), or a
    /// number and a unit as chpc's options take it (<c>90s</c>, <c>20m</c>, <c>1.5h</c>, <c>7d</c>).
    /// </summary>
    internal static class DurationSyntax
    {
        public const string Examples = "'01:30:00', '90m', '2h' or '7d'";

        public static bool TryParse(string? text, out TimeSpan value)
        {
            value = TimeSpan.Zero;
            if (text is null) return false;
            var trimmed = text.Trim();
            if (trimmed.Length == 0) return false;
            if (trimmed.IndexOf(':') >= 0)
            {
                return TimeSpan.TryParseExact(trimmed, "c", CultureInfo.InvariantCulture, out value) && value > TimeSpan.Zero;
            }
            var unit = char.ToLowerInvariant(trimmed[trimmed.Length - 1]);
            double seconds;
            switch (unit)
            {
                case 's': seconds = 1; break;
                case 'm': seconds = 60; break;
                case 'h': seconds = 3600; break;
                case 'd': seconds = 86400; break;
                default: return false;
            }
            if (!double.TryParse(trimmed.Substring(0, trimmed.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ||
                number <= 0 || number * seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                return false;
            }
            value = TimeSpan.FromMilliseconds(Math.Round(number * seconds * 1000));
            return value > TimeSpan.Zero;
        }
    }
}
