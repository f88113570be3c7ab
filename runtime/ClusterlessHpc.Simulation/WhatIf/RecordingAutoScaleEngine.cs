using System;
using System.Collections.Generic;
using System.Text.Json;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The runtime's evaluator with a record of every evaluation the model makes (what it saw and what it gave), and the
    /// simulation's deallocation option, when it has one, in place of the formula's.
    /// </summary>
    internal sealed class RecordingAutoScaleEngine : IAutoScaleEngine
    {
        private readonly IAutoScaleEngine _inner = new RuntimeAutoScaleEngine();
        private readonly BatchNodeDeallocationOption? _option;

        public RecordingAutoScaleEngine(BatchNodeDeallocationOption? option) => _option = option;

        /// <summary>One evaluation: its inputs without their samples, the time of the first sample it saw and how many.</summary>
        public readonly record struct Record(AutoScaleInputs Inputs, AutoScaleOutcome Outcome, DateTimeOffset? FirstSample, int SampleCount);

        public List<Record> Records { get; } = [];

        public AutoScaleFormulaError? Check(string formula) => _inner.Check(formula);

        public string? CheckMetrics(JsonElement metrics) => _inner.CheckMetrics(metrics);

        public AutoScaleOutcome Evaluate(string formula, AutoScaleInputs inputs)
        {
            var outcome = _inner.Evaluate(formula, inputs);
            if (_option is { } option && outcome.Error is null) outcome = outcome with { NodeDeallocationOption = option };
            DateTimeOffset? first = null;
            var count = 0;
            if (inputs.Samples is { } samples && samples.TryGetValue("$ActiveTasks", out var series) && series.Count > 0)
            {
                first = series[0].Time;
                count = series.Count;
            }
            Records.Add(new Record(inputs with { Samples = null }, outcome, first, count));
            return outcome;
        }
    }
}
