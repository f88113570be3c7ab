using System;
using System.Collections.Generic;
using System.IO;
using ClusterlessHpc.AutoScale;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// One evaluation of the formula in a simulation: what it saw (the pool's counts and targets, and the metric samples that
    /// had reached it) and what it gave. <see cref="WriteMetricsJson"/> writes what it saw as a metrics JSON document, so the
    /// same evaluation can be made again with <c>chpc formula eval FORMULA --metrics FILE</c>.
    /// </summary>
    public sealed class SimulationEvaluation
    {
        private readonly AutoScaleInputs _inputs;
        private readonly IReadOnlyList<PoolSample> _allSamples;
        private readonly int _firstSample;
        private readonly int _sampleCount;

        internal SimulationEvaluation(TimeSpan offset, AutoScaleInputs inputs, AutoScaleOutcome outcome, IReadOnlyList<PoolSample> allSamples, int firstSample, int sampleCount)
        {
            Offset = offset;
            _inputs = inputs with { Samples = null };
            Outcome = outcome;
            _allSamples = allSamples;
            _firstSample = firstSample;
            _sampleCount = sampleCount;
        }

        /// <summary>Time since the pool was created (zero for the first evaluation).</summary>
        public TimeSpan Offset { get; }

        /// <summary>The evaluation's time on the simulation's clock.</summary>
        public DateTimeOffset Time => _inputs.Now;

        /// <summary>What the formula saw, its samples included (built when asked for, from the simulation's record).</summary>
        public AutoScaleInputs Inputs => _inputs with { Samples = Samples };

        /// <summary>The samples the formula saw, by variable (<c>$ActiveTasks</c>, <c>$PendingTasks</c>, ...), oldest first.</summary>
        public IReadOnlyDictionary<string, SampleSeries> Samples => PoolModel.SeriesOf(_allSamples, _firstSample, _sampleCount);

        /// <summary>How many 30-second samples the formula saw.</summary>
        public int SampleCount => _sampleCount;

        /// <summary>The results line, targets and deallocation option, or the error.</summary>
        public AutoScaleOutcome Outcome { get; }

        /// <summary>Writes what the evaluation saw in the metrics JSON format (docs/autoscale.md, "Metrics JSON").</summary>
        public void WriteMetricsJson(Stream stream) => SimulationJson.WriteMetrics(stream, this);

        /// <summary>What the evaluation saw, as a metrics JSON document.</summary>
        public string ToMetricsJson() => SimulationJson.ToString(stream => WriteMetricsJson(stream));
    }
}
