using System;
using System.Collections.Generic;
using System.Text.Json;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// What a formula sees of its pool when it is evaluated; <c>Metrics</c> is the pool's latest document from the
    /// metrics feed, in the formula work's metrics JSON format (null when none was put).
    /// </summary>
    public sealed record AutoScaleInputs(
        string PoolId,
        DateTimeOffset Now,
        TimeSpan EvaluationInterval,
        int CurrentDedicatedNodes,
        int CurrentLowPriorityNodes,
        int TargetDedicatedNodes,
        int TargetLowPriorityNodes,
        double TaskSlotsPerNode,
        JsonElement? Metrics);

    /// <summary>
    /// One evaluation: the results line (<c>$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue</c>),
    /// the targets and deallocation option it sets, or the error it failed with (the results line may still be set).
    /// </summary>
    public sealed record AutoScaleOutcome(
        string? Results,
        int? TargetDedicatedNodes,
        int? TargetLowPriorityNodes,
        BatchNodeDeallocationOption? NodeDeallocationOption,
        AutoScaleRunError? Error);

    /// <summary>A formula's syntax error: the code and message the service's 400 carries.</summary>
    public sealed record AutoScaleFormulaError(string Code, string Message, IReadOnlyList<NameValuePair> Values);

    /// <summary>
    /// The seam between the model's autoscale scheduling and the formula language: the runtime's parser and
    /// evaluator sit behind it. The model checks formulas on add and enable, evaluates on each pool's interval
    /// and on evaluate requests, and applies the targets.
    /// </summary>
    public interface IAutoScaleEngine
    {
        /// <summary>Null when <paramref name="formula"/> parses; else its syntax error.</summary>
        AutoScaleFormulaError? Check(string formula);

        /// <summary>Null when a metrics document can be evaluated against; else what is wrong with it.</summary>
        string? CheckMetrics(JsonElement metrics);

        AutoScaleOutcome Evaluate(string formula, AutoScaleInputs inputs);
    }
}
