using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ClusterlessHpc.AutoScale.Evaluation;
using ClusterlessHpc.AutoScale.Language.Binding;

namespace ClusterlessHpc.AutoScale
{
    /// <summary>
    /// The service's results format: <c>name=value</c> joined by ';', numbers as C's <c>%g</c> (six significant
    /// digits), timestamps as ISO 8601 UTC with milliseconds, vectors as <c>[a,b]</c>, intervals as ISO 8601 durations.
    /// </summary>
    internal static class ResultFormatter
    {
        public static string Results(int targetDedicated, int targetLowPriority, string option, IReadOnlyList<KeyValuePair<string, string>> variables)
        {
            var builder = new StringBuilder(96);
            builder.Append("$TargetDedicatedNodes=").Append(targetDedicated.ToString(CultureInfo.InvariantCulture))
                .Append(";$TargetLowPriorityNodes=").Append(targetLowPriority.ToString(CultureInfo.InvariantCulture))
                .Append(";$NodeDeallocationOption=").Append(option);
            foreach (var variable in variables) builder.Append(';').Append(variable.Key).Append('=').Append(variable.Value);
            return builder.ToString();
        }

        /// <summary>A double as C's printf("%g"): 96.6667, 0.5, 100, 1e+06, 1.5e-05, inf, nan.</summary>
        public static string FormatNumber(double value)
        {
            var builder = new StringBuilder(16);
            AppendNumber(builder, value);
            return builder.ToString();
        }

        internal static void AppendNumber(StringBuilder builder, double value)
        {
            if (double.IsNaN(value))
            {
                builder.Append("nan");
                return;
            }
            if (double.IsInfinity(value))
            {
                builder.Append(value > 0 ? "inf" : "-inf");
                return;
            }
            // Whole numbers under a million print as integers under %g too; they are most values, so skip float formatting.
            if (Math.Abs(value) < 1e6 && value == Math.Floor(value) && !(value == 0 && double.IsNegative(value)))
            {
                builder.Append((int)value);
                return;
            }
            // .NET's "G6" is %g (six significant digits, scientific below 1e-4 and from 1e6) but for the exponent's letter.
            Span<char> text = stackalloc char[32];
            value.TryFormat(text, out var written, "G6", CultureInfo.InvariantCulture);
            for (var i = 0; i < written; i++) builder.Append(text[i] == 'E' ? 'e' : text[i]);
        }

        public static string FormatTimestamp(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        /// <summary>An interval as an ISO 8601 duration, as the Batch REST API writes durations: PT5M, P1DT2H, PT0.5S, -PT1H.</summary>
        public static string FormatInterval(TimeSpan interval)
        {
            if (interval == TimeSpan.Zero) return "PT0S";
            var builder = new StringBuilder();
            var ticks = interval.Ticks;
            if (ticks < 0) builder.Append('-');
            // Magnitudes are handled unsigned so that TimeSpan.MinValue does not overflow.
            var magnitude = ticks < 0 ? (ulong)(-(ticks + 1)) + 1 : (ulong)ticks;
            var days = magnitude / (ulong)TimeSpan.TicksPerDay;
            magnitude %= (ulong)TimeSpan.TicksPerDay;
            builder.Append('P');
            if (days > 0) builder.Append(days.ToString(CultureInfo.InvariantCulture)).Append('D');
            if (magnitude > 0)
            {
                builder.Append('T');
                var hours = magnitude / (ulong)TimeSpan.TicksPerHour;
                magnitude %= (ulong)TimeSpan.TicksPerHour;
                var minutes = magnitude / (ulong)TimeSpan.TicksPerMinute;
                magnitude %= (ulong)TimeSpan.TicksPerMinute;
                if (hours > 0) builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
                if (minutes > 0) builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
                if (magnitude > 0)
                {
                    var seconds = magnitude / (ulong)TimeSpan.TicksPerSecond;
                    var fraction = magnitude % (ulong)TimeSpan.TicksPerSecond;
                    builder.Append(seconds.ToString(CultureInfo.InvariantCulture));
                    if (fraction > 0) builder.Append('.').Append(fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0'));
                    builder.Append('S');
                }
            }
            return builder.ToString();
        }

        internal static string Format(FormulaValue value)
        {
            switch (value.Type)
            {
                case FormulaType.Double: return FormatNumber(value.Number);
                case FormulaType.String: return value.Text;
                case FormulaType.Timestamp: return FormatTimestamp(new DateTimeOffset(value.Ticks, TimeSpan.Zero));
                case FormulaType.TimeInterval: return FormatInterval(new TimeSpan(value.Ticks));
                case FormulaType.DoubleVec:
                {
                    var vector = value.Vector;
                    var builder = new StringBuilder(2 + vector.Length * 4);
                    builder.Append('[');
                    for (var i = 0; i < vector.Length; i++)
                    {
                        if (i > 0) builder.Append(',');
                        AppendNumber(builder, vector[i]);
                    }
                    return builder.Append(']').ToString();
                }
                default: return "";
            }
        }
    }
}
