using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using ClusterlessHpc.AutoScale;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The runtime's formula language behind the model's seam, answering as the service does: a formula that does not
    /// parse is refused (<see cref="AutoScaleParseResult.SyntaxErrors"/>); every other problem the analyzer's rules find
    /// is an evaluation error when it is evaluated. Evaluation reads the pool's node counts and targets from the model
    /// and its samples from the metrics feed (<see cref="AutoScaleMetrics"/>).
    /// Parsed formulas are cached by their text.
    /// </summary>
    internal sealed class RuntimeAutoScaleEngine : IAutoScaleEngine
    {
        private readonly ConcurrentDictionary<string, AutoScaleParseResult> _parsed = new(StringComparer.Ordinal);

        public AutoScaleFormulaError? Check(string formula)
        {
            var result = Parse(formula);
            if (result.SyntaxErrors.Count == 0) return null;
            var error = result.SyntaxErrors[0];
            return new AutoScaleFormulaError($"Line {error.Line}, Col {error.Column}: {error.Message}");
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
            var parsed = Parse(formula);
            if (parsed.SyntaxErrors.Count > 0)
            {
                // Add and enable refuse such formulas; only a state file edited by hand holds one.
                var check = Check(formula)!;
                return new AutoScaleOutcome(null, null, null, null, new AutoScaleRunError
                {
                    Code = ModelErrors.SyntaxErrorCode,
                    Message = ModelErrors.SyntaxErrorMessage,
                    Values = [new NameValuePair { Name = "Message", Value = check.Detail }],
                });
            }
            var fed = inputs.Metrics is { } metrics ? AutoScaleMetrics.Load(metrics.GetRawText(), inputs.Now).Samples : null;
            var samples = fed;
            if (fed is null)
            {
                // Without a feed the model's own samples are all there is; passed as they are, so a series is made
                // only for a variable the formula reads.
                samples = inputs.Samples;
            }
            else if (inputs.Samples is { } own)
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
            // A formula that parses is evaluated even when a later check fails (an undefined name): the service reports
            // that as an evaluation error, with the pool's current targets as the results.
            var evaluation = parsed.EvaluateAsService(context);
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
