using System;
using System.Collections.Generic;
using System.IO;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The tasks a simulation submits: a list read from a file, or made by a generator for the simulation's span
    /// (docs/autoscale.md, "Workloads"). Forms:
    /// <list type="bullet">
    /// <item>CSV with the header <c>arrival_s,duration_s,slots</c> (slots optional): one task a row, times in seconds.</item>
    /// <item>CSV with the header <c>minute,count</c>: <c>count</c> tasks submitted at the start of that minute, each lasting the task duration and taking one slot.</item>
    /// <item>JSON: an array of objects of either form (<c>{"arrival_s": 0, "duration_s": 600, "slots": 1}</c> or <c>{"minute": 0, "count": 5}</c>), all of one form.</item>
    /// <item><c>burst:N</c>: N tasks at the pool's creation.</item>
    /// <item><c>steady:R</c>: R tasks a minute (R may have a fraction), evenly spaced, the first at creation.</item>
    /// <item><c>diurnal:P</c>: tasks at the rate P × (1 + cos(2π (h − 14) / 24)) / 2 a minute, h the UTC hour of the day (fractional): P at 14:00 UTC, none at 02:00.</item>
    /// </list>
    /// Generated tasks (and <c>minute,count</c> rows) last <see cref="TaskDuration"/> and take one slot.
    /// </summary>
    public sealed class SimulationWorkload
    {
        /// <summary>How long generated tasks last unless told otherwise.</summary>
        public static readonly TimeSpan DefaultTaskDuration = TimeSpan.FromMinutes(10);

        private readonly Func<DateTimeOffset, TimeSpan, IReadOnlyList<SimulationTask>> _tasks;

        private SimulationWorkload(string description, TimeSpan taskDuration, Func<DateTimeOffset, TimeSpan, IReadOnlyList<SimulationTask>> tasks)
        {
            Description = description;
            TaskDuration = taskDuration;
            _tasks = tasks;
        }

        /// <summary>A workload of these tasks.</summary>
        public SimulationWorkload(IEnumerable<SimulationTask> tasks, string description = "tasks")
            : this(description, DefaultTaskDuration, WorkloadReader.Fixed(tasks, description))
        {
        }

        /// <summary>Where the workload came from: the file, or the generator's text (<c>burst:100</c>).</summary>
        public string Description { get; }

        /// <summary>How long generated tasks and <c>minute,count</c> rows last.</summary>
        public TimeSpan TaskDuration { get; }

        /// <summary>
        /// The workload's tasks, by arrival, for a pool created at <paramref name="poolCreated"/> and simulated for
        /// <paramref name="duration"/> (generators make tasks up to then; a file's tasks are all given).
        /// </summary>
        public IReadOnlyList<SimulationTask> TasksFor(DateTimeOffset poolCreated, TimeSpan duration) => _tasks(poolCreated, duration);

        /// <summary>A generator (<c>burst:N</c>, <c>steady:R</c>, <c>diurnal:P</c>) or else the path of a CSV or JSON file.</summary>
        /// <exception cref="SimulationWorkloadException">The generator's value or the file is not valid; the message says where and why.</exception>
        public static SimulationWorkload Parse(string spec, TimeSpan? taskDuration = null)
        {
            ArgumentNullException.ThrowIfNull(spec);
            var duration = WorkloadReader.CheckTaskDuration(taskDuration ?? DefaultTaskDuration, spec);
            return WorkloadGenerators.TryParse(spec, duration) is { } generated ? new SimulationWorkload(spec, duration, generated) : Load(spec, duration);
        }

        /// <summary>Reads a CSV or JSON file (JSON when its first character is <c>[</c>).</summary>
        /// <exception cref="SimulationWorkloadException">The file cannot be read or is not valid.</exception>
        public static SimulationWorkload Load(string path, TimeSpan? taskDuration = null)
        {
            ArgumentNullException.ThrowIfNull(path);
            var duration = WorkloadReader.CheckTaskDuration(taskDuration ?? DefaultTaskDuration, path);
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new SimulationWorkloadException(path, null, "cannot be read: " + e.Message);
            }
            return Read(text, path, duration);
        }

        /// <summary>Reads a workload's CSV or JSON text; <paramref name="source"/> names it in errors.</summary>
        /// <exception cref="SimulationWorkloadException">The text is not valid.</exception>
        public static SimulationWorkload Read(string text, string source, TimeSpan? taskDuration = null)
        {
            ArgumentNullException.ThrowIfNull(text);
            ArgumentNullException.ThrowIfNull(source);
            var duration = WorkloadReader.CheckTaskDuration(taskDuration ?? DefaultTaskDuration, source);
            var tasks = WorkloadReader.Read(text, source, duration);
            return new SimulationWorkload(source, duration, (_, _) => tasks);
        }

        /// <summary><c>burst:N</c>: <paramref name="count"/> tasks at the pool's creation.</summary>
        public static SimulationWorkload Burst(int count, TimeSpan? taskDuration = null) =>
            Parse("burst:" + count.ToString(System.Globalization.CultureInfo.InvariantCulture), taskDuration);

        /// <summary><c>steady:R</c>: <paramref name="perMinute"/> tasks a minute.</summary>
        public static SimulationWorkload Steady(double perMinute, TimeSpan? taskDuration = null) =>
            Parse("steady:" + perMinute.ToString("R", System.Globalization.CultureInfo.InvariantCulture), taskDuration);

        /// <summary><c>diurnal:P</c>: a daily wave peaking at <paramref name="peakPerMinute"/> tasks a minute at 14:00 UTC.</summary>
        public static SimulationWorkload Diurnal(double peakPerMinute, TimeSpan? taskDuration = null) =>
            Parse("diurnal:" + peakPerMinute.ToString("R", System.Globalization.CultureInfo.InvariantCulture), taskDuration);
    }
}
