using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Cli.Output
{
    /// <summary>How a pool and its nodes are shown: a table row, and the JSON object scripts read (Batch's property names).</summary>
    internal static class PoolViews
    {
        public static readonly string[] Headers = ["Pool", "State", "Allocation", "VM size", "Dedicated", "Low-priority", "Scaling", "Nodes", "Why"];

        public static async Task<IReadOnlyList<BatchNode>> GetNodesAsync(BatchClient client, string poolId, CancellationToken cancellationToken)
        {
            var nodes = new List<BatchNode>();
            await foreach (var node in client.GetNodesAsync(poolId, cancellationToken).ConfigureAwait(false)) nodes.Add(node);
            return nodes;
        }

        public static IReadOnlyDictionary<string, int> CountByState(IEnumerable<BatchNode> nodes) =>
            nodes.GroupBy(n => (n.State ?? BatchNodeState.Unknown).ToString()).ToDictionary(g => g.Key, g => g.Count());

        /// <summary>"2 idle, 1 starting", or "none".</summary>
        public static string Summary(IReadOnlyDictionary<string, int> counts) =>
            counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"));

        /// <summary>The stall explanation as JSON: its cause, whether it counts as stalled, its summary and fix.</summary>
        public static JsonObject WhyJson(Provisioning.PoolStallExplanation why) => new()
        {
            ["cause"] = why.Cause.ToString(),
            ["stalled"] = why.IsStalled,
            ["summary"] = why.Summary,
            ["fix"] = why.Cause == Provisioning.StallCause.None ? null : why.Fix,
            ["belowTargetSeconds"] = why.BelowTargetFor?.TotalSeconds,
        };

        /// <summary>The pool's row; the last column says why a stalled pool is below its target ("-" when it is not stalled).</summary>
        public static IReadOnlyList<string> Row(BatchPool pool, IReadOnlyList<BatchNode> nodes, Provisioning.PoolStallExplanation? why = null) =>
        [
            pool.Id ?? "?",
            pool.State?.ToString() ?? "?",
            pool.AllocationState?.ToString() ?? "?",
            pool.VmSize ?? "?",
            $"{Number(pool.CurrentDedicatedNodes)}/{Number(pool.TargetDedicatedNodes)}",
            $"{Number(pool.CurrentLowPriorityNodes)}/{Number(pool.TargetLowPriorityNodes)}",
            pool.EnableAutoScale == true ? $"autoscale every {Minutes(pool.AutoScaleEvaluationInterval)} min" : "fixed",
            Summary(CountByState(nodes)) + (pool.ResizeErrors is { Count: > 0 } errors ? $"; resize error {errors[0].Code}" : ""),
            why is { IsStalled: true } ? why.ShortReason : "-",
        ];

        public static JsonObject ToJson(BatchPool pool, IReadOnlyList<BatchNode> nodes) => new()
        {
            ["id"] = pool.Id,
            ["state"] = pool.State?.ToString(),
            ["allocationState"] = pool.AllocationState?.ToString(),
            ["vmSize"] = pool.VmSize,
            ["currentDedicatedNodes"] = pool.CurrentDedicatedNodes,
            ["targetDedicatedNodes"] = pool.TargetDedicatedNodes,
            ["currentLowPriorityNodes"] = pool.CurrentLowPriorityNodes,
            ["targetLowPriorityNodes"] = pool.TargetLowPriorityNodes,
            ["enableAutoScale"] = pool.EnableAutoScale ?? false,
            ["autoScaleFormula"] = pool.AutoScaleFormula,
            ["autoScaleEvaluationIntervalMinutes"] = pool.AutoScaleEvaluationInterval?.TotalMinutes,
            ["autoScaleRun"] = pool.AutoScaleRun is { } run ? AutoScaleRunJson(run) : null,
            ["resizeErrors"] = JsonOutput.Array((pool.ResizeErrors ?? []).Select(e => (JsonNode)new JsonObject { ["code"] = e.Code, ["message"] = e.Message })),
            ["nodeCounts"] = JsonOutput.Counts(CountByState(nodes)),
        };

        public static JsonObject AutoScaleRunJson(AutoScaleRun run) => new()
        {
            ["timestamp"] = run.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["results"] = run.Results,
            ["error"] = run.Error is { } error ? new JsonObject { ["code"] = error.Code, ["message"] = error.Message } : null,
        };

        private static string Number(int? value) => (value ?? 0).ToString(CultureInfo.InvariantCulture);

        private static string Minutes(TimeSpan? interval) => (interval ?? Rules.ServiceLimits.DefaultEvaluationInterval).TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
