using System;
using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale
{
    /// <summary>
    /// What a formula sees when it is evaluated: the time, the pool's node counts and targets, and the samples of each
    /// metric, keyed by the variable's name (<c>$ActiveTasks</c>). Load one from the metrics JSON with <see cref="AutoScaleMetrics"/>.
    /// </summary>
    public sealed record AutoScaleContext
    {
        public required DateTimeOffset Now { get; init; }

        /// <summary>The pool's $TargetDedicatedNodes before this evaluation; what reads of the target give until it is assigned.</summary>
        public int TargetDedicatedNodes { get; init; }

        public int TargetLowPriorityNodes { get; init; }

        public int CurrentDedicatedNodes { get; init; }

        public int CurrentLowPriorityNodes { get; init; }

        public double TaskSlotsPerNode { get; init; } = 1;

        public IReadOnlyDictionary<string, SampleSeries> Samples { get; init; } = new Dictionary<string, SampleSeries>();

        /// <summary>The source of rand(); a new unseeded one when null.</summary>
        public Random? Random { get; init; }

        internal SampleSeries SamplesOf(string variable) =>
            Samples.TryGetValue(variable, out var series) ? series : SampleSeries.Empty;
    }
}
