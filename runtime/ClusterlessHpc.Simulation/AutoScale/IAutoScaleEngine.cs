using System;
using System.Collections.Generic;
using System.Text.Json;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// What a formula sees of its pool when it is evaluated; <c>Metrics</c> is the pool's latest document from the
    /// metrics feed, in the formula work's metrics JSON format (null when none was put); <c>Samples</c> are the model's own
    /// samples of its jobs and nodes. A variable both give is taken from the model, unless <c>FeedWins</c> (the pool has no
    /// jobs, so the feed stands in for the tasks it would have).
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
        JsonElement? Metrics,
        IReadOnlyDictionary<string, ClusterlessHpc.AutoScale.SampleSeries>? Samples = null,
        bool FeedWins = false);

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

    /// <summary>
    /// Why a formula does not parse, as the service's error values say it: <c>Line L, Col C: ...</c>, with the problem in
    /// words and without the project's diagnostic id, which is no part of the service's wire format.
    /// </summary>
    public sealed record AutoScaleFormulaError(string Detail);

    /// <summary>
    /// The seam between the model's autoscale scheduling and the formula language: the runtime's parser and
    /// evaluator sit behind it. The model checks formulas on add and enable, evaluates on each pool's interval
    /// and on evaluate requests, and applies the targets.
    /// </summary>
    public interface IAutoScaleEngine
    {
        /// <summary>Null when <paramref name="formula"/> parses (problems found after parsing come out of <see cref="Evaluate"/>); else its syntax error.</summary>
        AutoScaleFormulaError? Check(string formula);

        /// <summary>Null when a metrics document can be evaluated against; else what is wrong with it.</summary>
        string? CheckMetrics(JsonElement metrics);

        AutoScaleOutcome Evaluate(string formula, AutoScaleInputs inputs);
    }
}
