using System;

namespace ClusterlessHpc.AutoScale.Language
{
    /// <summary>
    /// Parses the strings <c>time("...")</c> accepts: W3C-DTF (an ISO 8601 profile: <c>2014-10-06</c>,
    /// <c>2014-10-06T10:20Z</c>, <c>2023-04-14T13:26:49.123456Z</c>, <c>+hh:mm</c> offsets) with at most six
    /// fractional-second digits, and RFC 1123 (<c>Mon, 06 Oct 2014 10:20:00 GMT</c>). The rulings are in docs/autoscale.md.
    /// </summary>
    internal static class FormulaTime
    {
        public const int MaxFractionDigits = 6;

        private static readonly string[] DayNames = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
        private static readonly string[] MonthNames = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

        /// <summary>Parses <paramref name="text"/> to UTC ticks; on failure <paramref name="problem"/> says why.</summary>
        public static bool TryParse(string text, out long utcTicks, out string? problem)
        {
            utcTicks = 0;
            if (text.Length > 0 && text[0] >= '0' && text[0] <= '9')
            {
                problem = ParseW3c(text, ref utcTicks);
            }
            else if (text.Length > 0 && char.IsLetter(text[0]))
            {
                problem = ParseRfc1123(text, ref utcTicks);
            }
            else
            {
                problem = "it is neither a W3C-DTF time such as \"2014-10-06T10:20:00Z\" nor an RFC 1123 time such as \"Mon, 06 Oct 2014 10:20:00 GMT\"";
            }
            return problem is null;
        }

        private static string? ParseW3c(string s, ref long ticks)
        {
            const string Shape = "a W3C-DTF time is YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.s]] followed by Z or +hh:mm";
            var i = 0;
            if (!Digits(s, ref i, 4, out var year)) return Shape;
            int month = 1, day = 1, hour = 0, minute = 0, second = 0;
            long fraction = 0;
            long offsetMinutes = 0;
            if (i < s.Length)
            {
                if (!Char(s, ref i, '-') || !Digits(s, ref i, 2, out month)) return Shape;
                if (i < s.Length)
                {
                    if (!Char(s, ref i, '-') || !Digits(s, ref i, 2, out day)) return Shape;
                    if (i < s.Length)
                    {
                        if (!Char(s, ref i, 'T') || !Digits(s, ref i, 2, out hour) || !Char(s, ref i, ':') || !Digits(s, ref i, 2, out minute)) return Shape;
                        if (i < s.Length && s[i] == ':')
                        {
                            i++;
                            if (!Digits(s, ref i, 2, out second)) return Shape;
                            if (i < s.Length && s[i] == '.')
                            {
                                i++;
                                var start = i;
                                while (i < s.Length && s[i] >= '0' && s[i] <= '9') i++;
                                var count = i - start;
                                if (count == 0) return Shape;
                                if (count > MaxFractionDigits)
                                {
                                    return "it has " + count + " fractional-second digits; Batch accepts at most " + MaxFractionDigits + " (microseconds)";
                                }
                                fraction = long.Parse(s.Substring(start, count), System.Globalization.CultureInfo.InvariantCulture);
                                for (var k = count; k < 7; k++) fraction *= 10;
                            }
                        }
                        if (i >= s.Length) return "it has a time of day but no time zone: end it with Z or +hh:mm";
                        if (s[i] == 'Z')
                        {
                            i++;
                        }
                        else if (s[i] == '+' || s[i] == '-')
                        {
                            var sign = s[i] == '-' ? -1 : 1;
                            i++;
                            if (!Digits(s, ref i, 2, out var offsetHours) || !Char(s, ref i, ':') || !Digits(s, ref i, 2, out var offsetMins)) return Shape;
                            if (offsetHours > 23 || offsetMins > 59) return "its time zone offset is out of range";
                            offsetMinutes = sign * (offsetHours * 60L + offsetMins);
                        }
                        else
                        {
                            return Shape;
                        }
                        if (i != s.Length) return Shape;
                    }
                }
            }
            return Compose(year, month, day, hour, minute, second, fraction, offsetMinutes, ref ticks);
        }

        private static string? ParseRfc1123(string s, ref long ticks)
        {
            const string Shape = "an RFC 1123 time is written like \"Mon, 06 Oct 2014 10:20:00 GMT\"";
            if (s.Length < 5 || s[3] != ',' || s[4] != ' ') return Shape;
            var dayName = Array.IndexOf(DayNames, s.Substring(0, 3));
            if (dayName < 0) return Shape;
            var i = 5;
            var dayStart = i;
            while (i < s.Length && i - dayStart < 2 && s[i] >= '0' && s[i] <= '9') i++;
            if (i == dayStart) return Shape;
            var day = int.Parse(s.Substring(dayStart, i - dayStart), System.Globalization.CultureInfo.InvariantCulture);
            if (!Char(s, ref i, ' ') || i + 3 > s.Length) return Shape;
            var month = Array.IndexOf(MonthNames, s.Substring(i, 3)) + 1;
            if (month == 0) return Shape;
            i += 3;
            if (!Char(s, ref i, ' ') || !Digits(s, ref i, 4, out var year) || !Char(s, ref i, ' ') ||
                !Digits(s, ref i, 2, out var hour) || !Char(s, ref i, ':') || !Digits(s, ref i, 2, out var minute) ||
                !Char(s, ref i, ':') || !Digits(s, ref i, 2, out var second) || !Char(s, ref i, ' '))
            {
                return Shape;
            }
            if (string.CompareOrdinal(s, i, "GMT", 0, 3) != 0 || i + 3 != s.Length) return "an RFC 1123 time must end with GMT";
            var problem = Compose(year, month, day, hour, minute, second, 0, 0, ref ticks);
            if (problem is not null) return problem;
            var actual = (int)new DateTime(ticks, DateTimeKind.Utc).DayOfWeek;
            if (actual != dayName) return "the day is a " + DayNames[actual] + ", not a " + DayNames[dayName];
            return null;
        }

        private static string? Compose(int year, int month, int day, int hour, int minute, int second, long fraction, long offsetMinutes, ref long ticks)
        {
            if (year < 1) return "the year 0000 does not exist";
            if (month < 1 || month > 12) return "the month " + month + " is not 1 to 12";
            if (day < 1 || day > DateTime.DaysInMonth(year, month)) return "the day " + day + " does not exist in that month";
            if (hour > 23 || minute > 59 || second > 59) return "the time of day is out of range";
            var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction;
            var utc = local - offsetMinutes * 60 * 10_000_000L;
            if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks) return "it is outside the years 0001 to 9999";
            ticks = utc;
            return null;
        }

        private static bool Digits(string s, ref int i, int count, out int value)
        {
            value = 0;
            if (i + count > s.Length) return false;
            for (var k = 0; k < count; k++)
            {
                var c = s[i + k];
                if (c < '0' || c > '9') return false;
                value = value * 10 + (c - '0');
            }
            i += count;
            return true;
        }

        private static bool Char(string s, ref int i, char expected)
        {
            if (i >= s.Length || s[i] != expected) return false;
            i++;
            return true;
        }
    }
}
