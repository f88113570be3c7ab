using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ClusterlessHpc.AutoScale;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The runtime's formula language behind the model's seam: <see cref="AutoScaleFormula.Parse"/> checks formulas
    /// (the analyzer's rules, so a formula that compiles is one the model accepts), and evaluation reads the pool's
    /// node counts and targets from the model and its samples from the metrics feed (<see cref="AutoScaleMetrics"/>).
    /// Parsed formulas are cached by their text.
    /// </summary>
    internal sealed class RuntimeAutoScaleEngine : IAutoScaleEngine
    {
        private readonly ConcurrentDictionary<string, AutoScaleParseResult> _parsed = new(StringComparer.Ordinal);

        public AutoScaleFormulaError? Check(string formula)
        {
            var result = Parse(formula);
            if (result.Succeeded) return null;
            var error = result.Diagnostics.First(d => d.IsError);
            return new AutoScaleFormulaError(error.Rule.Id, $"Line {error.Line}, Col {error.Column}: {error.Message}",
                [new NameValuePair { Name = "Message", Value = error.Message }]);
        }

        public string? CheckMetrics(JsonElement metrics)
        {
            try
            {
                AutoScaleMetrics.Load(metrics.GetRawText(), DateTimeOffset.UnixEpoch);
                return null;
            }
            catch (InvalidDataException e)
            {
                return e.Message;
            }
        }

        public AutoScaleOutcome Evaluate(string formula, AutoScaleInputs inputs)
        {
            var parsed = Parse(formula).Formula;
            if (parsed is null)
            {
                // Add and enable refuse such formulas; one can only get here through evaluate, which checks first.
                var check = Check(formula)!;
                return new AutoScaleOutcome(null, null, null, null, new AutoScaleRunError { Code = check.Code, Message = check.Message, Values = check.Values });
            }
            var fed = inputs.Metrics is { } metrics ? AutoScaleMetrics.Load(metrics.GetRawText(), inputs.Now).Samples : null;
            var samples = fed;
            if (inputs.Samples is { } own)
            {
                var merged = fed is null ? new Dictionary<string, SampleSeries>(StringComparer.Ordinal) : new Dictionary<string, SampleSeries>(fed, StringComparer.Ordinal);
                foreach (var (name, series) in own)
                {
                    if (!inputs.FeedWins || !merged.ContainsKey(name)) merged[name] = series;
                }
                samples = merged;
            }
            var context = new AutoScaleContext
            {
                Now = inputs.Now,
                CurrentDedicatedNodes = inputs.CurrentDedicatedNodes,
                CurrentLowPriorityNodes = inputs.CurrentLowPriorityNodes,
                TargetDedicatedNodes = inputs.TargetDedicatedNodes,
                TargetLowPriorityNodes = inputs.TargetLowPriorityNodes,
                TaskSlotsPerNode = inputs.TaskSlotsPerNode,
                Samples = samples ?? new AutoScaleContext { Now = inputs.Now }.Samples,
            };
            var evaluation = parsed.Evaluate(context);
            var error = evaluation.Error is { } failure
                ? new AutoScaleRunError
                {
                    Code = failure.Code,
                    Message = failure.Message,
                    Values = [new NameValuePair { Name = "Message", Value = failure.Detail }],
                }
                : null;
            return new AutoScaleOutcome(
                evaluation.Results,
                error is null ? evaluation.TargetDedicatedNodes : null,
                error is null ? evaluation.TargetLowPriorityNodes : null,
                error is null ? (BatchNodeDeallocationOption?)new BatchNodeDeallocationOption(evaluation.NodeDeallocationOption) : null,
                error);
        }

        private AutoScaleParseResult Parse(string formula) => _parsed.GetOrAdd(formula, AutoScaleFormula.Parse);
    }
}
