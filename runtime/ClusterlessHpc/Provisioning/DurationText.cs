using System;
using System.Globalization;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// A duration as people write it in messages: <c>2.0 s</c>, <c>1 min 30 s</c>, <c>30 min</c>, <c>2 h 5 min</c>; never
    /// TimeSpan's <c>00:00:02.0162708</c>. chpc compiles this file in too, so its progress lines and errors agree.
    /// </summary>
    internal static class DurationText
    {
        public static string Format(TimeSpan duration)
        {
            if (duration < TimeSpan.Zero) duration = duration.Negate();
            if (duration.TotalSeconds < 59.95) return duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
            var seconds = (long)Math.Round(duration.TotalSeconds);
            var hours = seconds / 3600;
            var minutes = seconds % 3600 / 60;
            seconds %= 60;
            if (hours > 0) return minutes == 0 ? $"{hours} h" : $"{hours} h {minutes} min";
            return seconds == 0 ? $"{minutes} min" : $"{minutes} min {seconds} s";
        }
    }
}
