using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The simulation's JSON (docs/autoscale.md, "The simulation's JSON"): its settings, the timeline, the evaluations (each as
    /// <c>chpc formula eval --json</c> prints one), every sample as a metrics JSON document, and the summary. Times are
    /// ISO 8601 UTC; spans are seconds, in properties whose names end in <c>Seconds</c>.
    /// </summary>
    internal static class SimulationJson
    {
        public static string ToString(Action<Stream> write)
        {
            using var stream = new MemoryStream();
            write(stream);
            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }

        public static void WriteResult(Stream stream, AutoScaleSimulationResult result, bool indented)
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
            var simulation = result.Simulation;
            var start = result.Start;
            json.WriteStartObject();

            json.WriteStartObject("simulation");
            json.WriteString("formula", simulation.Formula);
            json.WriteString("workload", simulation.Workload.Description);
            json.WriteString("poolCreated", Time(start));
            json.WriteNumber("durationSeconds", simulation.Duration.TotalSeconds);
            json.WriteNumber("evaluationIntervalSeconds", simulation.EvaluationInterval.TotalSeconds);
            json.WriteString("vmSize", simulation.VmSize);
            json.WriteNumber("taskSlotsPerNode", simulation.TaskSlotsPerNode);
            json.WriteString("nodeFillType", simulation.NodeFillType.ToLowerInvariant());
            json.WriteNumber("bootTimeSeconds", simulation.BootTime.TotalSeconds);
            json.WriteNumber("startNodes", simulation.StartNodes);
            json.WriteBoolean("lowPriority", simulation.LowPriority);
            json.WriteNumber("preemptionsPerNodeHour", simulation.PreemptionsPerNodeHour);
            json.WriteNumber("seed", simulation.Seed);
            if (simulation.NodeDeallocationOption is { } option) json.WriteString("nodeDeallocationOption", option.Value);
            else json.WriteNull("nodeDeallocationOption");
            Money(json, "dedicatedPricePerNodeHour", simulation.DedicatedPricePerNodeHour);
            Money(json, "spotPricePerNodeHour", simulation.SpotPricePerNodeHour);
            json.WriteNumber("metricsDelaySeconds", simulation.MetricsDelay.TotalSeconds);
            json.WriteEndObject();

            json.WriteStartArray("timeline");
            foreach (var point in result.Timeline)
            {
                json.WriteStartObject();
                json.WriteString("time", Time(start + point.Offset));
                json.WriteNumber("offsetSeconds", point.Offset.TotalSeconds);
                json.WriteBoolean("evaluation", point.IsEvaluation);
                json.WriteNumber("targetDedicatedNodes", point.TargetDedicatedNodes);
                json.WriteNumber("targetLowPriorityNodes", point.TargetLowPriorityNodes);
                json.WriteNumber("currentDedicatedNodes", point.CurrentDedicatedNodes);
                json.WriteNumber("currentLowPriorityNodes", point.CurrentLowPriorityNodes);
                json.WriteNumber("activeTasks", point.ActiveTasks);
                json.WriteNumber("runningTasks", point.RunningTasks);
                Error(json, point.Error);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("evaluations");
            foreach (var evaluation in result.Evaluations)
            {
                json.WriteStartObject();
                json.WriteString("time", Time(evaluation.Time));
                json.WriteNumber("offsetSeconds", evaluation.Offset.TotalSeconds);
                json.WriteNumber("sampleCount", evaluation.SampleCount);
                var seen = evaluation.Inputs;
                Pool(json, seen.TargetDedicatedNodes, seen.TargetLowPriorityNodes, seen.CurrentDedicatedNodes, seen.CurrentLowPriorityNodes, seen.TaskSlotsPerNode);
                var outcome = evaluation.Outcome;
                if (outcome.Results is { } results) json.WriteString("results", results);
                else json.WriteNull("results");
                Count(json, "targetDedicatedNodes", outcome.TargetDedicatedNodes);
                Count(json, "targetLowPriorityNodes", outcome.TargetLowPriorityNodes);
                if (outcome.NodeDeallocationOption is { } deallocation) json.WriteString("nodeDeallocationOption", deallocation.Value);
                else json.WriteNull("nodeDeallocationOption");
                Error(json, outcome.Error);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            // Every sample, as a metrics document a formula can be evaluated against (chpc formula eval --metrics).
            json.WritePropertyName("metrics");
            var final = result.Timeline.Count == 0 ? default : result.Timeline[^1];
            WriteMetricsDocument(json, start + simulation.Duration, final.TargetDedicatedNodes, final.TargetLowPriorityNodes,
                final.CurrentDedicatedNodes, final.CurrentLowPriorityNodes, simulation.TaskSlotsPerNode,
                PoolModel.SeriesOf(result.Samples, 0, result.Samples.Count), start + simulation.Duration);

            var summary = result.Summary;
            json.WriteStartObject("summary");
            json.WriteNumber("tasksSubmitted", summary.TasksSubmitted);
            json.WriteNumber("tasksCompleted", summary.TasksCompleted);
            json.WriteNumber("tasksFailed", summary.TasksFailed);
            json.WriteBoolean("finished", summary.Finished);
            if (summary.Makespan is { } makespan) json.WriteNumber("makespanSeconds", makespan.TotalSeconds);
            else json.WriteNull("makespanSeconds");
            json.WriteNumber("queueWaitP50Seconds", summary.QueueWaitP50.TotalSeconds);
            json.WriteNumber("queueWaitP95Seconds", summary.QueueWaitP95.TotalSeconds);
            json.WriteNumber("queueWaitMaxSeconds", summary.QueueWaitMax.TotalSeconds);
            json.WriteNumber("nodeHours", summary.NodeHours);
            json.WriteNumber("dedicatedNodeHours", summary.DedicatedNodeHours);
            json.WriteNumber("lowPriorityNodeHours", summary.LowPriorityNodeHours);
            json.WriteNumber("idleNodeHours", summary.IdleNodeHours);
            json.WriteNumber("evaluations", summary.Evaluations);
            json.WriteNumber("failedEvaluations", summary.FailedEvaluations);
            json.WriteNumber("resizes", summary.Resizes);
            json.WriteNumber("preemptions", summary.Preemptions);
            Money(json, "costUsd", summary.Cost);
            json.WriteEndObject();

            json.WriteEndObject();
        }

        /// <summary>What one evaluation saw, as the metrics JSON (docs/autoscale.md, "Metrics JSON").</summary>
        public static void WriteMetrics(Stream stream, SimulationEvaluation evaluation)
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            var seen = evaluation.Inputs;
            WriteMetricsDocument(json, seen.Now, seen.TargetDedicatedNodes, seen.TargetLowPriorityNodes, seen.CurrentDedicatedNodes,
                seen.CurrentLowPriorityNodes, seen.TaskSlotsPerNode, evaluation.Samples, seen.Now);
        }

        private static void WriteMetricsDocument(Utf8JsonWriter json, DateTimeOffset now, int targetDedicated, int targetLowPriority,
            int currentDedicated, int currentLowPriority, double taskSlots, IReadOnlyDictionary<string, ClusterlessHpc.AutoScale.SampleSeries> samples, DateTimeOffset emptyStart)
        {
            json.WriteStartObject();
            json.WriteString("now", Time(now));
            Pool(json, targetDedicated, targetLowPriority, currentDedicated, currentLowPriority, taskSlots);
            json.WriteStartObject("samples");
            foreach (var (name, series) in samples)
            {
                // A regular series: the samples are 30 seconds apart, with none missing.
                json.WriteStartObject(name);
                json.WriteString("start", Time(series.Count > 0 ? series[0].Time : emptyStart));
                json.WriteStartArray("values");
                for (var i = 0; i < series.Count; i++) json.WriteNumberValue(series[i].Value);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void Pool(Utf8JsonWriter json, int targetDedicated, int targetLowPriority, int currentDedicated, int currentLowPriority, double taskSlots)
        {
            json.WriteStartObject("pool");
            json.WriteNumber("targetDedicatedNodes", targetDedicated);
            json.WriteNumber("targetLowPriorityNodes", targetLowPriority);
            json.WriteNumber("currentDedicatedNodes", currentDedicated);
            json.WriteNumber("currentLowPriorityNodes", currentLowPriority);
            json.WriteNumber("taskSlotsPerNode", (int)taskSlots);
            json.WriteEndObject();
        }

        /// <summary>As <c>chpc formula eval --json</c> writes an error: the code, and the detail the service puts in its values.</summary>
        private static void Error(Utf8JsonWriter json, AutoScaleRunError? error)
        {
            if (error is null)
            {
                json.WriteNull("error");
                return;
            }
            json.WriteStartObject("error");
            json.WriteString("code", error.Code);
            json.WriteString("message", error.Values?.FirstOrDefault(v => v.Name == "Message")?.Value ?? error.Message);
            json.WriteEndObject();
        }

        private static void Count(Utf8JsonWriter json, string name, int? value)
        {
            if (value is { } count) json.WriteNumber(name, count);
            else json.WriteNull(name);
        }

        private static void Money(Utf8JsonWriter json, string name, decimal? value)
        {
            if (value is { } amount) json.WriteNumber(name, decimal.Round(amount, 6));
            else json.WriteNull(name);
        }

        public static string Time(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }
}
