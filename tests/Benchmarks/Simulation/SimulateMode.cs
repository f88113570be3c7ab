using System.Diagnostics;
using System.Globalization;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Benchmarks.Simulation
{
    /// <summary>
    /// <c>simulate [runs] [days] [tasks]</c>: times <see cref="AutoScaleSimulation.Run"/> on a pending-tasks formula (5-minute interval, 30-second samples) over <c>days</c> days (7) with the first <c>tasks</c> tasks (10,000) of
    /// the <c>diurnal:2</c> workload, 10 minutes each, on nodes of 4 slots. One run warms up; the median of <c>runs</c> (9)
    /// timed runs is the figure, printed with the fastest and slowest, the median processor time (all threads, the GC's
    /// included) and what the simulation found.
    /// </summary>
    internal static class SimulateMode
    {
        /// <summary>The documentation's pending-tasks formula, with its window a minute back so the samples' delay has filled it, for nodes of 4 slots.</summary>
        public const string Formula = """
            $samples = $PendingTasks.GetSamplePercent(TimeInterval_Minute * 3, TimeInterval_Minute * 1);
            $tasks = $samples < 70 ? 1 : avg($PendingTasks.GetSample(TimeInterval_Minute * 3, TimeInterval_Minute * 1));
            $TargetDedicatedNodes = min(50, ceil($tasks / 4));
            $NodeDeallocationOption = taskcompletion;
            """;

        public static int Run(string[] args, TextWriter output)
        {
            var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 9;
            var days = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 7;
            var taskCount = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000;
            var duration = TimeSpan.FromDays(days);
            var tasks = SimulationWorkload.Parse("diurnal:2").TasksFor(AutoScaleSimulation.DefaultPoolCreated, duration).Take(taskCount).ToList();
            var simulation = new AutoScaleSimulation(Formula, new SimulationWorkload(tasks, $"first {tasks.Count} tasks of diurnal:2"))
            {
                Duration = duration,
                TaskSlotsPerNode = 4,
                DedicatedPricePerNodeHour = 0.126m,
            };

            var warmup = simulation.Run();
            var times = new List<double>();
            var cpu = new List<double>();
            var process = Process.GetCurrentProcess();
            for (var i = 0; i < runs; i++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                var result = simulation.Run();
                stopwatch.Stop();
                process.Refresh();
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                // The processor time too: on a machine shared with other work, the wall clock also counts their turns.
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                if (result.Summary != warmup.Summary) throw new InvalidOperationException("Two runs of one simulation differ.");
            }
            times.Sort();
            cpu.Sort();
            var median = times[times.Count / 2];
            var summary = warmup.Summary;
            output.WriteLine($"{days} days, {tasks.Count} tasks (first of diurnal:2, 10 min, 4 slots a node), interval 5 min, samples 30 s");
            output.WriteLine($"timeline points: {warmup.Timeline.Count}; evaluations: {summary.Evaluations}; resizes: {summary.Resizes}; " +
                             $"completed: {summary.TasksCompleted}; makespan: {summary.Makespan}; node-hours: {summary.NodeHours:F1} (idle {summary.IdleNodeHours:F1}); cost: ${summary.Cost:F2}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run time over {runs} runs: median {median:F0} ms (fastest {times[0]:F0} ms, slowest {times[^1]:F0} ms); processor time: median {cpu[cpu.Count / 2]:F0} ms; {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
            return 0;
        }
    }
}
