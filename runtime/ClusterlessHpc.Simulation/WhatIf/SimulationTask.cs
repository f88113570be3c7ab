using System;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// One task of a <see cref="SimulationWorkload"/>: submitted <paramref name="Arrival"/> after the pool is created, it runs
    /// for <paramref name="Duration"/> once it has a node, on <paramref name="Slots"/> of that node's task slots.
    /// </summary>
    public readonly record struct SimulationTask(TimeSpan Arrival, TimeSpan Duration, int Slots = 1);
}
