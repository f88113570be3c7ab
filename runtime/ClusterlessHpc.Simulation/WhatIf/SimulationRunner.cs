using System;
using System.Collections.Generic;
using System.Globalization;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// Runs an <see cref="AutoScaleSimulation"/>: a <see cref="PoolModel"/> on a virtual clock, a pool with the formula, one
    /// job, each task added at its arrival time, and a <see cref="SimulationObserver"/> that sees every step of the clock.
    /// </summary>
    internal static class SimulationRunner
    {
        public const string PoolId = "simulation";
        public const string JobId = "simulation";

        /// <summary>How long a node takes to leave the pool once it is free to (the service takes a minute or two).</summary>
        public static readonly TimeSpan LeavingDelay = TimeSpan.FromMinutes(1);

        /// <summary>The model's settings for a simulation; the emulator agreement test gives the emulator the same ones.</summary>
        public static PoolModelSettings Settings(AutoScaleSimulation simulation) => new()
        {
            AccountName = "simulation",
            // The boot: half allocating (the pool is resizing), half starting; simulated pools have no start task.
            NodeCreatingDelay = simulation.BootTime / 2,
            NodeStartingDelay = simulation.BootTime - simulation.BootTime / 2,
            NodeRebootingDelay = TimeSpan.FromMinutes(1),
            NodeReimagingDelay = TimeSpan.FromMinutes(2),
            NodeLeavingDelay = LeavingDelay,
            StopResizeDelay = TimeSpan.FromSeconds(30),
            PoolDeleteDelay = TimeSpan.FromMinutes(1),
            EnableAutoScaleMinimumInterval = TimeSpan.FromSeconds(30),
            DedicatedNodeQuota = AutoScaleSimulation.NodeQuota,
            LowPriorityNodeQuota = AutoScaleSimulation.NodeQuota,
            SpotPreemptionsPerHour = simulation.PreemptionsPerNodeHour,
            SpotPreemptionSeed = simulation.Seed,
            MetricsDelay = simulation.MetricsDelay,
        };

        /// <summary>The task the model runs for a workload task: simulated, lasting the task's duration.</summary>
        public static TaskSpec TaskSpec(int index, SimulationTask task) => new()
        {
            Id = TaskId(index),
            CommandLine = "simulated",
            EnvironmentSettings = [new EnvironmentSetting { Name = SimulatedTaskRun.DurationVariable, Value = System.Xml.XmlConvert.ToString(task.Duration) }],
            RequiredSlots = task.Slots == 1 ? null : task.Slots,
        };

        public static string TaskId(int index) => "task-" + index.ToString("D6", CultureInfo.InvariantCulture);

        public static AutoScaleSimulationResult Run(AutoScaleSimulation simulation)
        {
            Validate(simulation);
            var engine = new RecordingAutoScaleEngine(simulation.NodeDeallocationOption);
            if (engine.Check(simulation.Formula) is { } syntax)
            {
                throw new ArgumentException("The autoscale formula does not parse: " + syntax.Detail, nameof(AutoScaleSimulation.Formula));
            }
            var tasks = simulation.Workload.TasksFor(simulation.PoolCreated, simulation.Duration);
            foreach (var task in tasks)
            {
                if (task.Slots > simulation.TaskSlotsPerNode)
                {
                    throw new ArgumentException($"The workload {simulation.Workload.Description} has a task of {task.Slots} slots, more than the pool's {simulation.TaskSlotsPerNode} task slots per node: it could never run.", nameof(AutoScaleSimulation.Workload));
                }
            }
            var start = simulation.PoolCreated.ToUniversalTime();
            var end = start + simulation.Duration;
            var clock = new SimulationClock(simulation.StartNodes > 0 ? start - simulation.BootTime : start);
            var model = new PoolModel(Settings(simulation), clock, new NoStartTasks(), engine);
            var observer = new SimulationObserver(model, engine, start, tasks.Count);
            model.Stepped += observer.OnStep;

            var pool = Pool(simulation);
            if (simulation.StartNodes > 0)
            {
                // The nodes boot before the pool's moment of creation, so they are idle then, when autoscale takes over.
                pool.EnableAutoScale = false;
                pool.AutoScaleFormula = null;
                pool.AutoScaleEvaluationInterval = null;
                pool.TargetDedicatedNodes = simulation.LowPriority ? 0 : simulation.StartNodes;
                pool.TargetLowPriorityNodes = simulation.LowPriority ? simulation.StartNodes : 0;
                model.Add(pool);
                clock.Now = start;
                model.EnableAutoScale(PoolId, new BatchPoolEnableAutoScaleOptions
                {
                    AutoScaleFormula = simulation.Formula,
                    AutoScaleEvaluationInterval = simulation.EvaluationInterval,
                }, null);
            }
            else
            {
                model.Add(pool);
            }
            model.AddJob(new JobSpec { Id = JobId, PoolInfo = new PoolInfoSpec { PoolId = PoolId } });

            var submitted = 0;
            var batch = new List<TaskSpec>();
            while (submitted < tasks.Count && tasks[submitted].Arrival < simulation.Duration)
            {
                var arrival = tasks[submitted].Arrival;
                batch.Clear();
                for (; submitted < tasks.Count && tasks[submitted].Arrival == arrival; submitted++) batch.Add(TaskSpec(submitted, tasks[submitted]));
                clock.Now = start + arrival;
                foreach (var added in model.AddTasks(JobId, batch))
                {
                    // The workload's values were checked when it was read; a refusal here is a fault of the simulation.
                    if (added.Error is { } refusal) throw new InvalidOperationException($"The model refused task {added.TaskId}: {refusal.Message}", refusal);
                }
            }
            clock.Now = end;
            model.Advance();
            return observer.Result(simulation, tasks.Count, submitted, end);
        }

        private static BatchPoolCreateOptions Pool(AutoScaleSimulation simulation) => new()
        {
            Id = PoolId,
            VmSize = simulation.VmSize,
            TaskSlotsPerNode = simulation.TaskSlotsPerNode,
            TaskSchedulingPolicy = new BatchTaskSchedulingPolicy { NodeFillType = simulation.NodeFillType },
            EnableAutoScale = true,
            AutoScaleFormula = simulation.Formula,
            AutoScaleEvaluationInterval = simulation.EvaluationInterval,
        };

        private static void Validate(AutoScaleSimulation simulation)
        {
            static void Require(bool condition, string name, string message)
            {
                if (!condition) throw new ArgumentException(message, name);
            }
            Require(simulation.Duration > TimeSpan.Zero && simulation.Duration <= TimeSpan.FromDays(366), nameof(simulation.Duration),
                $"The duration {simulation.Duration} must be more than 0 and at most 366 days.");
            Require(ServiceLimits.IsEvaluationIntervalInRange(simulation.EvaluationInterval), nameof(simulation.EvaluationInterval),
                $"The evaluation interval {simulation.EvaluationInterval} must be from {ServiceLimits.MinEvaluationIntervalMinutes} minutes to {ServiceLimits.MaxEvaluationIntervalMinutes / 60} hours, as the service allows.");
            Require(ServiceLimits.IsTaskSlotsPerNodeInRange(simulation.TaskSlotsPerNode), nameof(simulation.TaskSlotsPerNode),
                $"The task slots per node {simulation.TaskSlotsPerNode} must be from {ServiceLimits.MinTaskSlotsPerNode} to {ServiceLimits.MaxTaskSlotsPerNode}.");
            Require(string.Equals(simulation.NodeFillType, "spread", StringComparison.OrdinalIgnoreCase) || string.Equals(simulation.NodeFillType, "pack", StringComparison.OrdinalIgnoreCase),
                nameof(simulation.NodeFillType), $"The node fill type '{simulation.NodeFillType}' must be 'spread' or 'pack'.");
            Require(simulation.BootTime >= TimeSpan.Zero && simulation.BootTime <= TimeSpan.FromHours(24), nameof(simulation.BootTime),
                $"The boot time {simulation.BootTime} must be from 0 to 24 hours.");
            Require(simulation.StartNodes >= 0 && simulation.StartNodes <= AutoScaleSimulation.NodeQuota, nameof(simulation.StartNodes),
                $"The start nodes {simulation.StartNodes} must be from 0 to {AutoScaleSimulation.NodeQuota}.");
            Require(double.IsFinite(simulation.PreemptionsPerNodeHour) && simulation.PreemptionsPerNodeHour >= 0, nameof(simulation.PreemptionsPerNodeHour),
                $"The preemption rate {simulation.PreemptionsPerNodeHour} must be a number of preemptions per node-hour from 0 up.");
            Require(simulation.DedicatedPricePerNodeHour is null or >= 0, nameof(simulation.DedicatedPricePerNodeHour),
                $"The dedicated price {simulation.DedicatedPricePerNodeHour} must not be negative.");
            Require(simulation.SpotPricePerNodeHour is null or >= 0, nameof(simulation.SpotPricePerNodeHour),
                $"The spot price {simulation.SpotPricePerNodeHour} must not be negative.");
            Require(simulation.MetricsDelay >= TimeSpan.Zero && simulation.MetricsDelay <= TimeSpan.FromHours(1), nameof(simulation.MetricsDelay),
                $"The metrics delay {simulation.MetricsDelay} must be from 0 to an hour.");
        }
    }
}
