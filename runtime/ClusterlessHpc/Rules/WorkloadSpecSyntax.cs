using System.Globalization;

namespace ClusterlessHpc.Rules
{
    /// <summary>
    /// The text of a workload generator: <c>burst:N</c>, <c>steady:R</c>, <c>diurnal:P</c>. Any other text is a file's path.
    /// The simulation's generators (ClusterlessHpc.Simulation, which compiles this file in) and the analyzer's check of
    /// <c>[SimulationExpectation]</c> both read it here, so a workload the build accepts is one the simulation runs.
    /// </summary>
    internal sealed class WorkloadSpecSyntax
    {
        /// <summary>A limit on tasks, so a typing slip fails clearly instead of exhausting memory.</summary>
        public const int MaxTasks = 10_000_000;

        /// <summary>The highest rate a generator takes, so a slip cannot ask for billions of tasks.</summary>
        public const double MaxPerMinute = 10_000;

        public const string Burst = "burst";
        public const string Steady = "steady";
        public const string Diurnal = "diurnal";

        private WorkloadSpecSyntax(string generator, double value, string? error)
        {
            Generator = generator;
            Value = value;
            Error = error;
        }

        /// <summary><see cref="Burst"/>, <see cref="Steady"/> or <see cref="Diurnal"/>.</summary>
        public string Generator { get; }

        /// <summary>The task count (burst) or tasks a minute (steady, diurnal peak).</summary>
        public double Value { get; }

        /// <summary>Why the value is not valid (the message names it); null when it is.</summary>
        public string? Error { get; }

        /// <summary>The generator <paramref name="spec"/> names, valid or not; null when it names none (then it is a file's path).</summary>
        public static WorkloadSpecSyntax? Parse(string spec)
        {
            var colon = spec.IndexOf(':');
            if (colon < 0) return null;
            var name = spec.Substring(0, colon).Trim().ToLowerInvariant();
            var text = spec.Substring(colon + 1).Trim();
            switch (name)
            {
                case Burst:
                    return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MaxTasks
                        ? new WorkloadSpecSyntax(Burst, count, null)
                        : new WorkloadSpecSyntax(Burst, 0, $"'{text}' must be a whole number of tasks from 0 to {MaxTasks.ToString("N0", CultureInfo.InvariantCulture)}");
                case Steady:
                    return Rate(Steady, text, "tasks a minute");
                case Diurnal:
                    return Rate(Diurnal, text, "tasks a minute at the 14:00 UTC peak");
                default:
                    return null;
            }
        }

        private static WorkloadSpecSyntax Rate(string generator, string text, string what) =>
            double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate > 0 && rate <= MaxPerMinute
                ? new WorkloadSpecSyntax(generator, rate, null)
                : new WorkloadSpecSyntax(generator, 0, $"'{text}' must be a number of {what}, more than 0 and at most {MaxPerMinute.ToString("N0", CultureInfo.InvariantCulture)}");
    }
}
