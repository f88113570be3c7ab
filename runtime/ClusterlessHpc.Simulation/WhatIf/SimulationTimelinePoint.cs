using System;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Simulation
{
    /// <summary>
    /// The pool at one moment of a simulation: at each 30-second metric sample (<see cref="IsEvaluation"/> false: the
    /// values the sample recorded, with the targets of that moment) and after each autoscale evaluation
    /// (<see cref="IsEvaluation"/> true: the targets the evaluation left the pool with, and its error if it failed). A sample
    /// and an evaluation at the same time give two points, the sample's first.
    /// </summary>
    /// <param name="Offset">Time since the pool was created.</param>
    /// <param name="TargetDedicatedNodes">The pool's dedicated target.</param>
    /// <param name="TargetLowPriorityNodes">The pool's low-priority (spot) target.</param>
    /// <param name="CurrentDedicatedNodes">Dedicated nodes in the pool (booting, idle or busy; not those leaving).</param>
    /// <param name="CurrentLowPriorityNodes">Low-priority nodes in the pool, preempted ones included, as the service counts them.</param>
    /// <param name="ActiveTasks">Tasks submitted and waiting for slots (<c>$ActiveTasks</c>).</param>
    /// <param name="RunningTasks">Tasks running (<c>$RunningTasks</c>).</param>
    /// <param name="IsEvaluation">True for the point an evaluation made.</param>
    /// <param name="Error">The evaluation's error, when it failed (the targets then stay as they were).</param>
    public readonly record struct SimulationTimelinePoint(
        TimeSpan Offset,
        int TargetDedicatedNodes,
        int TargetLowPriorityNodes,
        int CurrentDedicatedNodes,
        int CurrentLowPriorityNodes,
        int ActiveTasks,
        int RunningTasks,
        bool IsEvaluation,
        AutoScaleRunError? Error);
}
