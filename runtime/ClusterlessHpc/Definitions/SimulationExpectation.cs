using System;

namespace ClusterlessHpc
{
    /// <summary>
    /// A declared expectation of a pool's autoscale formula (<c>[SimulationExpectation]</c>): run <see cref="Workload"/>
    /// through the pool for <see cref="Duration"/>, and the makespan and cost must stay within the bounds given. The
    /// generator lists a pool's expectations in its class's <c>SimulationExpectations</c>; they are not part of the pool's
    /// <see cref="PoolDefinition"/>, so they change no pool, script, hash or drift.
    /// </summary>
    public sealed record SimulationExpectation
    {
        /// <summary>How long a simulation runs when the expectation does not say: a day.</summary>
        public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(24);

        /// <summary>How long generated tasks last when the expectation does not say (the simulation's own default).</summary>
        public static readonly TimeSpan DefaultTaskDuration = TimeSpan.FromMinutes(10);

        /// <param name="name">Names the expectation in messages, unique within the pool.</param>
        /// <param name="workload">A generator (<c>burst:200</c>) or a workload file's path relative to the project's folder.</param>
        public SimulationExpectation(string name, string workload)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Workload = workload ?? throw new ArgumentNullException(nameof(workload));
        }

        public string Name { get; }

        /// <summary>A generator (<c>burst:N</c>, <c>steady:R</c>, <c>diurnal:P</c>) or a CSV or JSON file's path relative to the project's folder.</summary>
        public string Workload { get; }

        /// <summary>The longest the workload may take; null for no bound.</summary>
        public TimeSpan? MaxMakespan { get; init; }

        /// <summary>The most the workload may cost in US dollars; null for no bound.</summary>
        public decimal? MaxCostUsd { get; init; }

        /// <summary>US dollars per dedicated node-hour; null when not given (then no cost is known).</summary>
        public decimal? PricePerNodeHour { get; init; }

        /// <summary>US dollars per low-priority (Spot) node-hour; null when not given.</summary>
        public decimal? SpotPricePerNodeHour { get; init; }

        /// <summary>How long to simulate from the pool's creation.</summary>
        public TimeSpan Duration { get; init; } = DefaultDuration;

        /// <summary>How long generated tasks last.</summary>
        public TimeSpan TaskDuration { get; init; } = DefaultTaskDuration;

        public override string ToString() => $"expectation '{Name}' ({Workload})";
    }
}
