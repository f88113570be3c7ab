using System;

namespace ClusterlessHpc.Simulation
{
    /// <summary>What a simulation came to (docs/autoscale.md, "Simulating a formula"). Times are on the simulation's clock.</summary>
    public sealed record SimulationSummary
    {
        /// <summary>Tasks the workload submitted within the simulated duration.</summary>
        public required int TasksSubmitted { get; init; }

        /// <summary>Tasks that ended with exit code 0.</summary>
        public required int TasksCompleted { get; init; }

        /// <summary>Tasks that ended failed (a non-zero exit code after their retries, or ended by their node's deallocation option).</summary>
        public required int TasksFailed { get; init; }

        /// <summary>Whether every task of the workload was submitted and had ended by the end of the simulated duration.</summary>
        public required bool Finished { get; init; }

        /// <summary>From the pool's creation to the end of the last task; null when the workload did not finish.</summary>
        public required TimeSpan? Makespan { get; init; }

        /// <summary>
        /// The median of the tasks' queue waits: from submission to the start of their first run. A task that never started
        /// waits until the end of the simulation.
        /// </summary>
        public required TimeSpan QueueWaitP50 { get; init; }

        /// <summary>The 95th percentile of the queue waits (nearest rank).</summary>
        public required TimeSpan QueueWaitP95 { get; init; }

        /// <summary>The longest queue wait.</summary>
        public required TimeSpan QueueWaitMax { get; init; }

        /// <summary>Dedicated node-hours: from each node's allocation until it has left the pool.</summary>
        public required double DedicatedNodeHours { get; init; }

        /// <summary>Low-priority (spot) node-hours, counted as <see cref="DedicatedNodeHours"/>.</summary>
        public required double LowPriorityNodeHours { get; init; }

        /// <summary>All node-hours, dedicated and low-priority.</summary>
        public double NodeHours => DedicatedNodeHours + LowPriorityNodeHours;

        /// <summary>Node-hours in which a node was paid for and ran no task: booting, idle, preempted or leaving.</summary>
        public required double IdleNodeHours { get; init; }

        /// <summary>Evaluations of the formula, the first (at creation) included.</summary>
        public required int Evaluations { get; init; }

        /// <summary>Evaluations that failed (their targets were not applied).</summary>
        public required int FailedEvaluations { get; init; }

        /// <summary>Evaluations that changed the pool's targets, so the pool resized.</summary>
        public required int Resizes { get; init; }

        /// <summary>Times a low-priority node was preempted.</summary>
        public required int Preemptions { get; init; }

        /// <summary>
        /// USD: dedicated node-hours at <see cref="AutoScaleSimulation.DedicatedPricePerNodeHour"/> plus low-priority node-hours
        /// at <see cref="AutoScaleSimulation.SpotPricePerNodeHour"/>; null when a price the pool needed was not given.
        /// </summary>
        public required decimal? Cost { get; init; }
    }
}
