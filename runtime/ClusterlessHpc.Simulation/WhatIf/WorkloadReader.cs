using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// Reads workload files: CSV whose header says the form (<c>arrival_s,duration_s[,slots]</c> or <c>minute,count</c>), or
    /// a JSON array of objects of one of those forms. Every refusal names the source, the line (CSV) or element (JSON), and
    /// the value.
    /// </summary>
    internal static class WorkloadReader
    {
        /// <summary>The longest task the model runs (its simulated durations stop at 180 days).</summary>
        private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(180);

        /// <summary>A limit on tasks, so a typing slip (<c>minute,count</c> with a count of 10^9) fails clearly instead of exhausting memory.</summary>
        public const int MaxTasks = ClusterlessHpc.Rules.WorkloadSpecSyntax.MaxTasks;

        private const string TaskHeader = "arrival_s,duration_s,slots";
        private const string CountHeader = "minute,count";

        public static Func<DateTimeOffset, TimeSpan, IReadOnlyList<SimulationTask>> Fixed(IEnumerable<SimulationTask> tasks, string source)
        {
            ArgumentNullException.ThrowIfNull(tasks);
            var list = new List<SimulationTask>();
            var index = 0;
            foreach (var task in tasks)
            {
                var where = "task " + index++.ToString(CultureInfo.InvariantCulture);
                if (task.Arrival < TimeSpan.Zero) throw new SimulationWorkloadException(source, null, $"{where}: arrival {task.Arrival} is before the pool's creation");
                if (task.Duration <= TimeSpan.Zero || task.Duration > MaxDuration) throw new SimulationWorkloadException(source, null, $"{where}: duration {task.Duration} must be more than 0 and at most 180 days");
                if (task.Slots < 1) throw new SimulationWorkloadException(source, null, $"{where}: slots {task.Slots} must be 1 or more");
                list.Add(task);
            }
            var sorted = Sorted(list);
            return (_, _) => sorted;
        }

        public static TimeSpan CheckTaskDuration(TimeSpan duration, string source)
        {
            if (duration <= TimeSpan.Zero || duration > MaxDuration)
            {
                throw new SimulationWorkloadException(source, null, $"the task duration {duration} must be more than 0 and at most 180 days");
            }
            return duration;
        }

        public static IReadOnlyList<SimulationTask> Read(string text, string source, TimeSpan taskDuration)
        {
            var trimmed = text.AsSpan().TrimStart();
            if (!trimmed.IsEmpty && trimmed[0] == '\uFEFF') trimmed = trimmed[1..].TrimStart();
            return Sorted(!trimmed.IsEmpty && (trimmed[0] == '[' || trimmed[0] == '{') ? ReadJson(text, source, taskDuration) : ReadCsv(text, source, taskDuration));
        }

        private static List<SimulationTask> ReadCsv(string text, string source, TimeSpan taskDuration)
        {
            var tasks = new List<SimulationTask>();
            bool? counts = null;
            var columns = 0;
            var lineNumber = 0;
            foreach (var raw in text.Split('\n'))
            {
                lineNumber++;
                var line = raw.TrimEnd('\r').Trim();
                if (lineNumber == 1) line = line.TrimStart('\uFEFF');
                if (line.Length == 0 || line[0] == '#') continue;
                var cells = line.Split(',').Select(c => c.Trim()).ToArray();
                if (counts is null)
                {
                    var header = string.Join(",", cells).ToLowerInvariant();
                    if (header == CountHeader) counts = true;
                    else if (header == TaskHeader || header == "arrival_s,duration_s") counts = false;
                    else throw new SimulationWorkloadException(source, lineNumber, $"the header '{line}' must be '{TaskHeader}' (slots optional) or '{CountHeader}'");
                    columns = cells.Length;
                    continue;
                }
                if (cells.Length != columns)
                {
                    throw new SimulationWorkloadException(source, lineNumber, $"'{line}' has {cells.Length} values; the header has {columns}");
                }
                var at = (string column) => new Location(source, lineNumber, column);
                if (counts.Value) AddCounts(tasks, Minute(cells[0], at("minute")), Count(cells[1], at("count")), taskDuration, at("count"));
                else AddTask(tasks, Arrival(cells[0], at("arrival_s")), Duration(cells[1], at("duration_s")), columns > 2 ? Slots(cells[2], at("slots")) : 1, at("arrival_s"));
            }
            if (counts is null) throw new SimulationWorkloadException(source, null, $"is empty: a workload needs the header '{TaskHeader}' or '{CountHeader}' and a row for each task or minute");
            return tasks;
        }

        private static List<SimulationTask> ReadJson(string text, string source, TimeSpan taskDuration)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                throw new SimulationWorkloadException(source, e.LineNumber is { } line ? (int)line + 1 : null, "is not valid JSON: " + e.Message);
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw new SimulationWorkloadException(source, null, "must be a JSON array of {\"arrival_s\", \"duration_s\", \"slots\"} or {\"minute\", \"count\"} objects");
                }
                var tasks = new List<SimulationTask>();
                bool? counts = null;
                var index = 0;
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    var path = "[" + index++.ToString(CultureInfo.InvariantCulture) + "]";
                    if (item.ValueKind != JsonValueKind.Object) throw new SimulationWorkloadException(source, null, $"{path} must be an object, not {item.ValueKind.ToString().ToLowerInvariant()}");
                    var isCount = item.TryGetProperty("minute", out _) || item.TryGetProperty("count", out _);
                    counts ??= isCount;
                    if (counts != isCount) throw new SimulationWorkloadException(source, null, $"{path} mixes the two forms: every element must be {{\"arrival_s\", \"duration_s\", \"slots\"}} or every one {{\"minute\", \"count\"}}");
                    foreach (var property in item.EnumerateObject())
                    {
                        var known = isCount ? property.Name is "minute" or "count" : property.Name is "arrival_s" or "duration_s" or "slots";
                        if (!known) throw new SimulationWorkloadException(source, null, $"{path}.{property.Name} is not a workload property (expected " + (isCount ? "minute and count" : "arrival_s, duration_s and slots") + ")");
                    }
                    var at = (string name) => new Location(source, null, path + "." + name);
                    string Value(string name) => item.TryGetProperty(name, out var value)
                        ? value.ValueKind == JsonValueKind.Number ? value.GetRawText() : throw new SimulationWorkloadException(source, null, $"{path}.{name} must be a number, not {value.GetRawText()}")
                        : throw new SimulationWorkloadException(source, null, $"{path} has no '{name}'");
                    if (isCount) AddCounts(tasks, Minute(Value("minute"), at("minute")), Count(Value("count"), at("count")), taskDuration, at("count"));
                    else AddTask(tasks, Arrival(Value("arrival_s"), at("arrival_s")), Duration(Value("duration_s"), at("duration_s")), item.TryGetProperty("slots", out _) ? Slots(Value("slots"), at("slots")) : 1, at("arrival_s"));
                }
                return tasks;
            }
        }

        /// <summary>Where a value came from: a CSV line's column, or a JSON element's property.</summary>
        private readonly record struct Location(string Source, int? Line, string Name)
        {
            public SimulationWorkloadException Error(string value, string rule) => new(Source, Line, $"{Name} '{value}' {rule}");
        }

        private static void AddTask(List<SimulationTask> tasks, TimeSpan arrival, TimeSpan duration, int slots, Location at)
        {
            if (tasks.Count >= MaxTasks) throw new SimulationWorkloadException(at.Source, at.Line, $"has more than {MaxTasks:N0} tasks");
            tasks.Add(new SimulationTask(arrival, duration, slots));
        }

        private static void AddCounts(List<SimulationTask> tasks, int minute, int count, TimeSpan duration, Location at)
        {
            if ((long)tasks.Count + count > MaxTasks) throw at.Error(count.ToString(CultureInfo.InvariantCulture), $"makes more than {MaxTasks:N0} tasks");
            var arrival = TimeSpan.FromMinutes(minute);
            for (var i = 0; i < count; i++) tasks.Add(new SimulationTask(arrival, duration, 1));
        }

        private static TimeSpan Arrival(string text, Location at)
        {
            if (!TryNumber(text, out var seconds) || seconds < 0 || seconds > MaxDuration.TotalSeconds * 10) throw at.Error(text, "must be a number of seconds from 0 up (the time after the pool's creation)");
            return Milliseconds(seconds);
        }

        private static TimeSpan Duration(string text, Location at)
        {
            if (!TryNumber(text, out var seconds) || seconds <= 0 || seconds > MaxDuration.TotalSeconds) throw at.Error(text, "must be a number of seconds more than 0 and at most 180 days");
            var duration = Milliseconds(seconds);
            if (duration <= TimeSpan.Zero) throw at.Error(text, "must be at least a millisecond");
            return duration;
        }

        private static int Slots(string text, Location at)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var slots) || slots < 1) throw at.Error(text, "must be a whole number of task slots from 1 up");
            return slots;
        }

        private static int Minute(string text, Location at)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > MaxDuration.TotalMinutes * 10) throw at.Error(text, "must be a whole number of minutes from 0 up (after the pool's creation)");
            return minute;
        }

        private static int Count(string text, Location at)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) throw at.Error(text, "must be a whole number of tasks from 0 up");
            return count;
        }

        private static bool TryNumber(string text, out double value) =>
            double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

        /// <summary>Whole milliseconds: the model's simulated durations are set in milliseconds.</summary>
        private static TimeSpan Milliseconds(double seconds) => TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));

        /// <summary>By arrival; a stable sort keeps the file's order among tasks of one time, so their ids follow it.</summary>
        private static IReadOnlyList<SimulationTask> Sorted(List<SimulationTask> tasks) => tasks.OrderBy(t => t.Arrival).ToArray();
    }
}
