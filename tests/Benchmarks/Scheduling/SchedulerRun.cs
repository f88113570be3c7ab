using System.Diagnostics;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Simulation;

namespace ClusterlessHpc.Benchmarks.Scheduling
{
    /// <summary>
    /// <c>scheduler [tasks] [nodes] [slots] [step-seconds]</c>: simulated tasks of 10 s (the default duration) on a pool of
    /// idle nodes, driven through the pool model on a manual clock moved a step at a time, as the emulator's accelerated
    /// clock moves it. Reports the processor time the model spent per task (adding, scheduling, completing; the checks
    /// between steps are not counted) beside its wall time (which, on a shared machine, also counts waiting for a core),
    /// the peak working set, the simulated makespan against the ideal one, and whether any node ever ran more slots than it
    /// has (checked after every step). A run of a tenth of the tasks first warms the code up; it is not reported.
    /// </summary>
    internal static class SchedulerRun
    {
        public static int Run(string[] args, TextWriter output)
        {
            int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
            var taskCount = Arg(1, 10_000);
            var nodeCount = Arg(2, 100);
            var slots = Arg(3, 4);
            var step = TimeSpan.FromSeconds(Arg(4, 1));
            Measure(Math.Max(1, taskCount / 10), nodeCount, slots, step, TextWriter.Null);
            return Measure(taskCount, nodeCount, slots, step, output);
        }

        private static int Measure(int taskCount, int nodeCount, int slots, TimeSpan step, TextWriter output)
        {
            var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
            var clock = new ManualClock(start);
            var model = new PoolModel(Settings(), clock, new InstantStartTasks());
            model.Add(Pool("bench", nodeCount, 0, slots));
            clock.Advance(TimeSpan.FromSeconds(1));
            model.Advance();
            var ready = clock.GetUtcNow();

            using var process = Process.GetCurrentProcess();
            var timer = new Stopwatch();
            var processor = TimeSpan.Zero;
            TimeSpan cpuAt = default;
            void Begin()
            {
                process.Refresh();
                cpuAt = process.TotalProcessorTime;
                timer.Start();
            }
            void End()
            {
                timer.Stop();
                process.Refresh();
                processor += process.TotalProcessorTime - cpuAt;
            }
            Begin();
            model.AddJob(new JobSpec { Id = "bench-job", PoolInfo = new PoolInfoSpec { PoolId = "bench" } });
            for (var first = 0; first < taskCount; first += 100)
            {
                var batch = Enumerable.Range(first, Math.Min(100, taskCount - first))
                    .Select(i => new TaskSpec { Id = "task-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), CommandLine = "/bin/true" })
                    .ToList();
                model.AddTasks("bench-job", batch);
            }
            End();
            var adding = processor;

            var overCommitted = 0;
            var peakRunning = 0;
            var steps = 0;
            while (true)
            {
                clock.Advance(step);
                Begin();
                model.Advance();
                End();
                steps++;
                var (done, running, over) = model.ReadJob("bench-job", null, (job, _) => (job.Tally.Completed, job.Tally.Running, 0));
                over = model.ReadPool("bench", null, (pool, _) =>
                    pool.Nodes.Count(n => n.UsedSlots > slots || n.UsedSlots != n.Running.Sum(t => t.Spec.Slots)));
                overCommitted += over;
                peakRunning = Math.Max(peakRunning, running);
                if (done == taskCount) break;
                if (steps > 1_000_000) throw new InvalidOperationException("The tasks did not complete.");
            }
            var lastEnd = model.ReadJob("bench-job", null, (job, _) => job.Tasks.Max(t => t.EndTime!.Value));
            var makespan = lastEnd - ready;
            var ideal = TimeSpan.FromSeconds(10 * Math.Ceiling(taskCount / (double)(nodeCount * slots)));
            process.Refresh();

            output.WriteLine($"{taskCount} tasks of 10 s on {nodeCount} nodes x {slots} slots, clock moved {step.TotalSeconds:0.###} s per step ({steps} steps)");
            output.WriteLine($"model processor time: {processor.TotalMilliseconds:F0} ms in all ({adding.TotalMilliseconds:F0} ms adding), " +
                             $"{processor.TotalMilliseconds * 1000 / taskCount:F1} us per task; wall time {timer.Elapsed.TotalMilliseconds * 1000 / taskCount:F1} us per task");
            output.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MB");
            output.WriteLine($"simulated makespan: {makespan.TotalSeconds:F0} s (ideal {ideal.TotalSeconds:F0} s); peak running tasks {peakRunning}");
            output.WriteLine($"over-committed node checks: {overCommitted}");
            return overCommitted == 0 ? 0 : 1;
        }

        internal static BatchPoolCreateOptions Pool(string id, int dedicated, int lowPriority, int slots) => new()
        {
            Id = id,
            VmSize = "standard_d4s_v3",
            TargetDedicatedNodes = dedicated,
            TargetLowPriorityNodes = lowPriority,
            TaskSlotsPerNode = slots,
            VirtualMachineConfiguration = new VirtualMachineConfiguration
            {
                ImageReference = new BatchVmImageReference { Publisher = "canonical", Offer = "ubuntu-24_04-lts", Sku = "server" },
                NodeAgentSkuId = "batch.node.ubuntu 24.04",
            },
        };

        internal static PoolModelSettings Settings() => new()
        {
            AccountName = "bench",
            NodeCreatingDelay = TimeSpan.FromMilliseconds(100),
            NodeStartingDelay = TimeSpan.FromMilliseconds(100),
            NodeRebootingDelay = TimeSpan.FromMilliseconds(100),
            NodeReimagingDelay = TimeSpan.FromMilliseconds(100),
            NodeLeavingDelay = TimeSpan.FromMilliseconds(100),
            StopResizeDelay = TimeSpan.FromMilliseconds(100),
            PoolDeleteDelay = TimeSpan.FromMilliseconds(100),
            EnableAutoScaleMinimumInterval = TimeSpan.FromSeconds(30),
            DedicatedNodeQuota = 5000,
            LowPriorityNodeQuota = 5000,
        };

        /// <summary>Nodes without a start task go idle as soon as they boot; this runner is never asked to run one.</summary>
        internal sealed class InstantStartTasks : IStartTaskRunner
        {
            public TimeSpan MinimumDuration => TimeSpan.Zero;

            public INodeFiles CreateFiles(string poolId, string nodeId, bool isWindows, DateTimeOffset now) => new VirtualNodeFiles(now);

            public StartTaskAttempt Start(StartTaskLaunch launch, DateTimeOffset at) =>
                new(at, Task.FromResult(new StartTaskOutcome(0, null, at)), new CancellationTokenSource());

            public void Dispose()
            {
            }
        }
    }
}
