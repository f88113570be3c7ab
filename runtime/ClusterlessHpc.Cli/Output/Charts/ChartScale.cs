using System;
using System.Collections.Generic;
using System.Globalization;

namespace ClusterlessHpc.Cli.Output.Charts
{
    /// <summary>Tick positions a person reads easily: 1, 2 or 5 times a power of ten for counts; whole minutes or hours for time.</summary>
    internal static class ChartScale
    {
        private static readonly double[] TimeSteps = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800];

        /// <summary>The axis' top (a multiple of the step, at least 1) and its step, for at most <paramref name="maxTicks"/> steps.</summary>
        public static (double Top, double Step) Count(double max, int maxTicks = 5)
        {
            if (!(max > 0)) return (1, 1);
            var step = 1.0;
            for (var power = 1.0; ; power *= 10)
            {
                foreach (var factor in new[] { 1.0, 2.0, 5.0 })
                {
                    step = factor * power;
                    if (Math.Ceiling(max / step) <= maxTicks) return (Math.Ceiling(max / step) * step, step);
                }
            }
        }

        /// <summary>The time axis' step in seconds, for at most <paramref name="maxTicks"/> steps.</summary>
        public static double Time(double duration, int maxTicks = 10)
        {
            foreach (var step in TimeSteps)
            {
                if (duration / step <= maxTicks) return step;
            }
            return Math.Ceiling(duration / maxTicks / 86400) * 86400;
        }

        /// <summary>"0:00", "1:30", "26:00": hours and minutes since the pool was created.</summary>
        public static string TimeLabel(double seconds)
        {
            var minutes = (long)Math.Round(seconds / 60);
            return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}:{minutes % 60:00}");
        }

        public static IEnumerable<double> Ticks(double top, double step)
        {
            for (var i = 0; i * step <= top + step / 1000; i++) yield return i * step;
        }

        public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
