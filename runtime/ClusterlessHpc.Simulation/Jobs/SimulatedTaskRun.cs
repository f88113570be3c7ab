using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// How long a simulated task runs and how it exits, from its environment: <c>CHPC_EMULATOR_TASK_DURATION</c> (an
    /// ISO-8601 duration such as <c>PT2M</c>, or a number with <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>: <c>10s</c>,
    /// <c>5m</c>; 10 s by default) and <c>CHPC_EMULATOR_TASK_EXIT_CODE</c> (an integer, 0 by default). The emulator checks
    /// them when the task is added, so a bad value is refused naming the setting rather than found when it runs.
    /// </summary>
    internal static class SimulatedTaskRun
    {
        public const string DurationVariable = "CHPC_EMULATOR_TASK_DURATION";
        public const string ExitCodeVariable = "CHPC_EMULATOR_TASK_EXIT_CODE";

        public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(10);

        /// <summary>The least time a retry takes: an attempt that fails at once is retried a second later, not in the same instant.</summary>
        public static readonly TimeSpan MinimumRetryDuration = TimeSpan.FromSeconds(1);

        /// <summary>The duration and exit code of a task with this environment.</summary>
        /// <exception cref="PoolModelException"><c>InvalidPropertyValue</c> naming the setting whose value is not one.</exception>
        public static (TimeSpan Duration, int ExitCode) Plan(IReadOnlyDictionary<string, string> environment) =>
            Plan(environment.TryGetValue(DurationVariable, out var duration) ? duration : null,
                environment.TryGetValue(ExitCodeVariable, out var code) ? code : null);

        /// <summary>The duration and exit code of the two settings' values (null when not set).</summary>
        /// <exception cref="PoolModelException"><c>InvalidPropertyValue</c> naming the setting whose value is not one.</exception>
        public static (TimeSpan Duration, int ExitCode) Plan(string? durationText, string? code)
        {
            var duration = durationText is null ? DefaultDuration : ParseDuration(durationText);
            var exitCode = 0;
            if (code is not null &&
                !int.TryParse(code.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exitCode))
            {
                throw ModelErrors.InvalidPropertyValue("environmentSettings",
                    $"{ExitCodeVariable} '{code}' is not an integer exit code.");
            }
            return (duration, exitCode);
        }

        /// <exception cref="PoolModelException"><c>InvalidPropertyValue</c> when <paramref name="text"/> is not a duration.</exception>
        public static TimeSpan ParseDuration(string text)
        {
            var value = text.Trim();
            if (value.StartsWith('P') || value.StartsWith('p'))
            {
                try
                {
                    var iso = XmlConvert.ToTimeSpan(value.ToUpperInvariant());
                    if (iso >= TimeSpan.Zero) return iso;
                }
                catch (FormatException)
                {
                    // Reported below.
                }
                catch (OverflowException)
                {
                    // Reported below.
                }
            }
            else
            {
                var unitLength = value.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? 2 : 1;
                if (value.Length > unitLength &&
                    double.TryParse(value.AsSpan(0, value.Length - unitLength), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) &&
                    number <= TimeSpan.FromDays(180).TotalHours)
                {
                    switch (value[^unitLength..].ToLowerInvariant())
                    {
                        case "ms": return TimeSpan.FromMilliseconds(number);
                        case "s": return TimeSpan.FromSeconds(number);
                        case "m": return TimeSpan.FromMinutes(number);
                        case "h": return TimeSpan.FromHours(number);
                    }
                }
            }
            throw ModelErrors.InvalidPropertyValue("environmentSettings",
                $"{DurationVariable} '{text}' is not a duration: write an ISO-8601 duration (PT2M) or a number with ms, s, m or h (10s, 5m).");
        }
    }
}
