using System;
using System.Collections.Generic;
using System.IO;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// What <see cref="AutoScaleSimulation.Run"/> found: the pool at each sample and evaluation, each evaluation with what it
    /// saw, and the summary. <see cref="WriteJson"/> writes it all in the shape docs/autoscale.md documents.
    /// </summary>
    public sealed class AutoScaleSimulationResult
    {
        internal AutoScaleSimulationResult(
            AutoScaleSimulation simulation,
            IReadOnlyList<SimulationTimelinePoint> timeline,
            IReadOnlyList<SimulationEvaluation> evaluations,
            IReadOnlyList<PoolSample> samples,
            SimulationSummary summary)
        {
            Simulation = simulation;
            Timeline = timeline;
            Evaluations = evaluations;
            Samples = samples;
            Summary = summary;
        }

        /// <summary>The simulation that was run, with its settings.</summary>
        public AutoScaleSimulation Simulation { get; }

        /// <summary>The time the pool was created: the timeline's offsets count from it.</summary>
        public DateTimeOffset Start => Simulation.PoolCreated;

        /// <summary>The pool at every 30-second sample and after every evaluation, in time order.</summary>
        public IReadOnlyList<SimulationTimelinePoint> Timeline { get; }

        /// <summary>Every evaluation of the formula, in time order; the first at the pool's creation, with no samples.</summary>
        public IReadOnlyList<SimulationEvaluation> Evaluations { get; }

        /// <summary>Every 30-second metric sample the pool took, in time order.</summary>
        public IReadOnlyList<PoolSample> Samples { get; }

        public SimulationSummary Summary { get; }

        /// <summary>Writes the settings, timeline, evaluations, samples and summary as UTF-8 JSON (docs/autoscale.md, "The simulation's JSON").</summary>
        public void WriteJson(Stream stream, bool indented = false) => SimulationJson.WriteResult(stream, this, indented);

        /// <summary>The JSON <see cref="WriteJson"/> writes.</summary>
        public string ToJson(bool indented = false) => SimulationJson.ToString(stream => WriteJson(stream, indented));
    }
}
