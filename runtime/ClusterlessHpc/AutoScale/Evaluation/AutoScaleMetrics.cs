using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using ClusterlessHpc.AutoScale.Language.Binding;
using ClusterlessHpc.AutoScale.Language.BuiltIns;

namespace ClusterlessHpc.AutoScale
{
    /// <summary>
    /// Reads the metrics JSON (docs/autoscale.md, "Metrics JSON") into an <see cref="AutoScaleContext"/>:
    /// <c>now</c>, <c>pool</c> counts, and per variable either a list of <c>{ "time", "value" }</c> samples or a
    /// regular series <c>{ "start" | "end", "values": [...] }</c> one value per 30 seconds (null for a missing sample).
    /// </summary>
    public static class AutoScaleMetrics
    {
        private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

        /// <exception cref="InvalidDataException">The JSON is malformed or names something unknown; the message says where.</exception>
        public static AutoScaleContext Load(string json, DateTimeOffset? defaultNow = null)
        {
            try
            {
                using var document = JsonDocument.Parse(json, Options);
                return Read(document.RootElement, defaultNow);
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException("The metrics JSON is malformed: " + exception.Message, exception);
            }
        }

        /// <inheritdoc cref="Load(string, DateTimeOffset?)"/>
        public static AutoScaleContext Load(Stream json, DateTimeOffset? defaultNow = null)
        {
            using var reader = new StreamReader(json);
            return Load(reader.ReadToEnd(), defaultNow);
        }

        private static AutoScaleContext Read(JsonElement root, DateTimeOffset? defaultNow)
        {
            if (root.ValueKind != JsonValueKind.Object) throw Invalid("the metrics JSON must be an object");
            DateTimeOffset? now = null;
            int? targetDedicated = null, targetLowPriority = null, currentDedicated = null, currentLowPriority = null;
            double taskSlots = 1;
            var samples = new Dictionary<string, SampleSeries>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "now":
                        now = Time(property.Value, "now");
                        break;
                    case "pool":
                        if (property.Value.ValueKind != JsonValueKind.Object) throw Invalid("'pool' must be an object");
                        foreach (var setting in property.Value.EnumerateObject())
                        {
                            var path = "pool." + setting.Name;
                            switch (setting.Name)
                            {
                                case "targetDedicatedNodes": targetDedicated = Count(setting.Value, path); break;
                                case "targetLowPriorityNodes": targetLowPriority = Count(setting.Value, path); break;
                                case "currentDedicatedNodes": currentDedicated = Count(setting.Value, path); break;
                                case "currentLowPriorityNodes": currentLowPriority = Count(setting.Value, path); break;
                                case "taskSlotsPerNode": taskSlots = Count(setting.Value, path); break;
                                default: throw Invalid("unknown setting '" + path + "'");
                            }
                        }
                        break;
                    case "samples":
                        if (property.Value.ValueKind != JsonValueKind.Object) throw Invalid("'samples' must be an object");
                        foreach (var metric in property.Value.EnumerateObject())
                        {
                            var variable = SystemVariables.Find(metric.Name);
                            if (variable is null || !variable.HasSamples)
                            {
                                var hint = Suggestions.Hint(metric.Name, SystemVariables.All.Where(v => v.HasSamples).Select(v => v.Name));
                                throw Invalid("'" + metric.Name + "' is not a variable with samples" +
                                              (hint.Length > 0 ? hint : " (for example $ActiveTasks or $CPUPercent)"));
                            }
                            if (samples.ContainsKey(variable.CanonicalName)) throw Invalid("the samples of " + variable.CanonicalName + " are given twice");
                            samples.Add(variable.CanonicalName, Series(metric.Value, "samples." + metric.Name));
                        }
                        break;
                    default:
                        throw Invalid("unknown property '" + property.Name + "' (expected now, pool or samples)");
                }
            }
            return new AutoScaleContext
            {
                Now = now ?? defaultNow ?? DateTimeOffset.UtcNow,
                TargetDedicatedNodes = targetDedicated ?? currentDedicated ?? 0,
                TargetLowPriorityNodes = targetLowPriority ?? currentLowPriority ?? 0,
                CurrentDedicatedNodes = currentDedicated ?? targetDedicated ?? 0,
                CurrentLowPriorityNodes = currentLowPriority ?? targetLowPriority ?? 0,
                TaskSlotsPerNode = taskSlots,
                Samples = samples,
            };
        }

        private static SampleSeries Series(JsonElement element, string path)
        {
            var list = new List<MetricSample>();
            if (element.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var itemPath = path + "[" + index++ + "]";
                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("time", out var time) || !item.TryGetProperty("value", out var value))
                    {
                        throw Invalid(itemPath + " must be an object with 'time' and 'value'");
                    }
                    list.Add(new MetricSample(Time(time, itemPath + ".time"), Number(value, itemPath + ".value")));
                }
                return new SampleSeries(list);
            }
            if (element.ValueKind != JsonValueKind.Object) throw Invalid(path + " must be a list of samples or an object with 'values'");
            var hasStart = element.TryGetProperty("start", out var startElement);
            var hasEnd = element.TryGetProperty("end", out var endElement);
            if (hasStart == hasEnd) throw Invalid(path + " needs exactly one of 'start' (time of the first value) or 'end' (time of the last value)");
            if (!element.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array) throw Invalid(path + ".values must be a list");
            var period = TimeSpan.FromSeconds(30);
            var count = values.GetArrayLength();
            var first = hasStart ? Time(startElement, path + ".start") : Time(endElement, path + ".end") - TimeSpan.FromTicks(period.Ticks * Math.Max(0, count - 1));
            var i = 0;
            foreach (var value in values.EnumerateArray())
            {
                if (value.ValueKind != JsonValueKind.Null)
                {
                    list.Add(new MetricSample(first + TimeSpan.FromTicks(period.Ticks * i), Number(value, path + ".values[" + i + "]")));
                }
                i++;
            }
            return new SampleSeries(list);
        }

        private static DateTimeOffset Time(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.String &&
                DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                return time;
            }
            throw Invalid(path + " must be an ISO 8601 time such as \"2024-05-06T12:00:00Z\"");
        }

        private static double Number(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number) return element.GetDouble();
            throw Invalid(path + " must be a number");
        }

        private static int Count(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var count) && count >= 0) return count;
            throw Invalid(path + " must be a whole number from 0 up");
        }

        private static InvalidDataException Invalid(string message) => new("The metrics JSON is invalid: " + message + ".");
    }
}
