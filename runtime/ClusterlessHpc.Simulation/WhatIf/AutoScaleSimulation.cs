using System;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// Replays a workload through an autoscale pool on virtual time: the same <see cref="PoolModel"/> the emulator serves
    /// (node lifecycle with boot time, the scheduler with slots and fill type, 30-second metric samples that reach the
    /// formula a minute late, an evaluation at creation and then every interval, resize, deallocation options, seeded
    /// spot preemption), on a clock that jumps from event to event. A day takes milliseconds.
    /// </summary>
    /// <example>
    /// <code>
    /// var result = new AutoScaleSimulation(File.ReadAllText("pool.formula"), SimulationWorkload.Parse("burst:200"))
    /// {
    ///     Duration = TimeSpan.FromHours(6),
    ///     TaskSlotsPerNode = 4,
    ///     DedicatedPricePerNodeHour = 0.126m,
    /// }.Run();
    /// Assert.True(result.Summary.Makespan &lt; TimeSpan.FromMinutes(30));
    /// Assert.True(result.Summary.Cost &lt; 5m);
    /// </code>
    /// </example>
    public sealed class AutoScaleSimulation
    {
        /// <summary>The default time the pool is created: a fixed UTC midnight (a Monday), so generated diurnal workloads are the same on every run.</summary>
        public static readonly DateTimeOffset DefaultPoolCreated = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

        /// <summary>The VM size the pool has unless told otherwise: the catalogue's default.</summary>
        public const string DefaultVmSize = ClusterlessHpc.PoolDefinition.DefaultVmSize;

        /// <param name="formula">The autoscale formula, as the pool would have it.</param>
        /// <param name="workload">The tasks to submit to the pool.</param>
        public AutoScaleSimulation(string formula, SimulationWorkload workload)
        {
            Formula = formula ?? throw new ArgumentNullException(nameof(formula));
            Workload = workload ?? throw new ArgumentNullException(nameof(workload));
        }

        /// <summary>
        /// A simulation of a declared pool (its generated <c>Definition</c>): its formula, evaluation interval, VM size and task
        /// slots per node.
        /// </summary>
        /// <exception cref="ArgumentException">The pool has no autoscale formula.</exception>
        public AutoScaleSimulation(PoolDefinition pool, SimulationWorkload workload)
            : this((pool ?? throw new ArgumentNullException(nameof(pool))).AutoScale?.Formula
                   ?? throw new ArgumentException($"The {pool} has no autoscale formula to simulate: it has a fixed size.", nameof(pool)), workload)
        {
            EvaluationInterval = TimeSpan.FromMinutes(pool.AutoScale!.EvaluationIntervalMinutes);
            VmSize = pool.VmSize;
            TaskSlotsPerNode = pool.TaskSlotsPerNode ?? 1;
        }

        public string Formula { get; }

        public SimulationWorkload Workload { get; }

        /// <summary>How long to simulate from the pool's creation; 24 hours by default. Tasks arriving later are not submitted.</summary>
        public TimeSpan Duration { get; init; } = TimeSpan.FromHours(24);

        /// <summary>The pool's autoscale evaluation interval, 5 minutes (the service's least) to 168 hours; 5 minutes by default.</summary>
        public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromMinutes(5);

        /// <summary>The pool's VM size: recorded with the result and used to look prices up; it does not change the model's timings.</summary>
        public string VmSize { get; init; } = DefaultVmSize;

        /// <summary>The pool's task slots per node; 1 by default.</summary>
        public int TaskSlotsPerNode { get; init; } = 1;

        /// <summary>The pool's node fill type, <c>spread</c> (the default) or <c>pack</c>.</summary>
        public string NodeFillType { get; init; } = "spread";

        /// <summary>From a node's allocation to its first task: half allocating (the pool is resizing), half starting; 4 minutes by default.</summary>
        public TimeSpan BootTime { get; init; } = TimeSpan.FromMinutes(4);

        /// <summary>Nodes the pool already has, idle, when it is created (low-priority with <see cref="LowPriority"/>); autoscale is enabled on it then.</summary>
        public int StartNodes { get; init; }

        /// <summary>The most nodes of each kind the simulated account gives (allocation succeeds up to here), and so the most <see cref="StartNodes"/>.</summary>
        public const int NodeQuota = 10_000;

        /// <summary>A spot pool: its <see cref="StartNodes"/> are low-priority. (The formula's targets decide the kinds of node it asks for.)</summary>
        public bool LowPriority { get; init; }

        /// <summary>How often a low-priority node is preempted, on average: preemptions per node per hour; 0 (the default) for never.</summary>
        public double PreemptionsPerNodeHour { get; init; }

        /// <summary>The seed of the preemption draws: the same seed preempts the same nodes at the same times.</summary>
        public int Seed { get; init; }

        /// <summary>
        /// What happens to the tasks of nodes a scale-down removes, in place of the formula's <c>$NodeDeallocationOption</c>
        /// (a what-if: "with <c>taskcompletion</c> instead"); null (the default) keeps the formula's, <c>requeue</c> when it sets none.
        /// </summary>
        public BatchNodeDeallocationOption? NodeDeallocationOption { get; init; }

        /// <summary>USD per dedicated node-hour, for <see cref="SimulationSummary.Cost"/>; null when unknown.</summary>
        public decimal? DedicatedPricePerNodeHour { get; init; }

        /// <summary>USD per low-priority (spot) node-hour, for <see cref="SimulationSummary.Cost"/>; null when unknown.</summary>
        public decimal? SpotPricePerNodeHour { get; init; }

        /// <summary>When the pool is created (UTC): the first evaluation's time; <see cref="DefaultPoolCreated"/> by default.</summary>
        public DateTimeOffset PoolCreated { get; init; } = DefaultPoolCreated;

        /// <summary>How late a metric sample reaches the formula: one minute by default, as the service documents.</summary>
        public TimeSpan MetricsDelay { get; init; } = TimeSpan.FromMinutes(1);

        /// <summary>Runs the simulation. Synchronous: the clock is virtual.</summary>
        /// <exception cref="ArgumentException">A setting is out of range, or the formula does not parse (the message says where).</exception>
        public AutoScaleSimulationResult Run() => SimulationRunner.Run(this);
    }
}
