using System;

namespace ClusterlessHpc
{
    /// <summary>
    /// What the pool's autoscale formula should achieve on a workload, checked by simulation: the workload's makespan and
    /// cost must stay within the bounds given. It changes nothing about the pool (not its definition, script or drift); the
    /// generator lists it in the pool class's <c>SimulationExpectations</c>, a unit test can run it with
    /// <c>AutoScaleSimulation</c>, and with <c>&lt;ClusterlessHpcCheckExpectations&gt;</c> set the build checks it
    /// (docs/autoscale.md, "In your build"). Durations are <c>hh:mm:ss</c> (<c>01:30:00</c>, <c>1.06:00:00</c>) or
    /// <c>90s</c>, <c>20m</c>, <c>2h</c>, <c>7d</c>; money is US dollars.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SimulationExpectationAttribute : Attribute
    {
        /// <param name="workload">A generator (<c>burst:200</c>, <c>steady:2</c>, <c>diurnal:3</c>) or the path of a CSV or JSON workload file relative to the project's folder.</param>
        public SimulationExpectationAttribute(string workload) => Workload = workload;

        public string Workload { get; }

        /// <summary>Names the expectation in messages; the workload's text when not given. Unique within the pool.</summary>
        public string? Name { get; set; }

        /// <summary>The longest the workload may take from the pool's creation to its last task's end.</summary>
        public string? MaxMakespan { get; set; }

        /// <summary>The most the workload may cost, in US dollars; needs <see cref="PricePerNodeHour"/>.</summary>
        public double MaxCostUsd { get; set; }

        /// <summary>US dollars per dedicated node-hour of the pool's VM size.</summary>
        public double PricePerNodeHour { get; set; }

        /// <summary>US dollars per low-priority (Spot) node-hour, for a formula that asks for low-priority nodes.</summary>
        public double SpotPricePerNodeHour { get; set; }

        /// <summary>How long to simulate from the pool's creation; 24 hours when not given.</summary>
        public string? Duration { get; set; }

        /// <summary>How long each generated task (and each <c>minute,count</c> row's task) lasts; 10 minutes when not given.</summary>
        public string? TaskDuration { get; set; }
    }
}
